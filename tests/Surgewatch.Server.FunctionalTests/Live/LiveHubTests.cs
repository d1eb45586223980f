using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Live;

public sealed class LiveHubTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Ingest_ReadingAboveWarning_HubSendsAlertAndStatusShowsLevel()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("hub-zone")))).EnsureSuccessStatusCode();
        var alerts = Channel.CreateUnbounded<JsonElement>();
        await using var hub = Connect();
        hub.On<JsonElement>("alert", a => alerts.Writer.TryWrite(a));
        await hub.StartAsync();

        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(TestZones.OccupancyNow("hub-zone", 250)))).EnsureSuccessStatusCode();

        // Up to a minute, as for the forecast below: it returns on arrival.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var alert = await alerts.Reader.ReadAsync(timeout.Token);
        alert.GetProperty("zoneId").GetString().Should().Be("hub-zone");
        alert.GetProperty("state").GetString().Should().BeOneOf("pending", "firing");
        var status = await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync();
        var zone = status.EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "hub-zone");
        zone.GetProperty("density").GetDouble().Should().Be(2.5);
        zone.GetProperty("level").GetString().Should().Be("warning");
    }

    [Fact]
    public async Task Ack_ActiveAlert_ReturnsAcknowledgedAlert()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("ack-zone")))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(TestZones.OccupancyNow("ack-zone", 300)))).EnsureSuccessStatusCode();
        var key = await WaitForActiveAlertAsync("density-warning/ack-zone");

        var acked = await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(key)}/ack", Bodies.Json("""{"note":"stewards sent"}"""));
        var noKey = await server.CreateClient().PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(key)}/ack", Bodies.Json("{}"));

        acked.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await acked.ReadJsonAsync();
        body.GetProperty("acknowledged").GetBoolean().Should().BeTrue();
        body.GetProperty("acknowledgedBy").GetString().Should().Contain("bootstrap admin");
        noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Hub_ZoneWithReadings_SendsForecastWithOrderedBands()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("forecast-zone")))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(TestZones.OccupancyNow("forecast-zone", 80)))).EnsureSuccessStatusCode();
        var forecasts = Channel.CreateUnbounded<JsonElement>();
        await using var hub = Connect();
        hub.On<JsonElement>("forecast", f => forecasts.Writer.TryWrite(f));
        await hub.StartAsync();

        // Up to a minute: the first forecast waits for the monitor's step, which a loaded CI machine can hold up (it returns on arrival).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement forecast;
        do
        {
            forecast = await forecasts.Reader.ReadAsync(timeout.Token);
        }
        while (forecast.GetProperty("zoneId").GetString() != "forecast-zone" || forecast.GetProperty("forecast").GetArrayLength() == 0);

        var first = forecast.GetProperty("forecast")[0];
        first.GetProperty("lo95").GetDouble().Should().BeLessThanOrEqualTo(first.GetProperty("lo80").GetDouble());
        first.GetProperty("lo80").GetDouble().Should().BeLessThanOrEqualTo(first.GetProperty("mean").GetDouble());
        first.GetProperty("mean").GetDouble().Should().BeLessThanOrEqualTo(first.GetProperty("hi80").GetDouble());
        first.GetProperty("hi80").GetDouble().Should().BeLessThanOrEqualTo(first.GetProperty("hi95").GetDouble());
    }

    [Fact]
    public async Task Hub_ClientConnected_GetsZoneStatusEachSecondUntilItLeaves()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("audience-zone")))).EnsureSuccessStatusCode();
        var audience = server.Services.GetRequiredService<Surgewatch.Server.Live.LiveAudience>();
        var statuses = Channel.CreateUnbounded<JsonElement>();
        var hub = Connect();
        hub.On<JsonElement>("zoneStatus", s => statuses.Writer.TryWrite(s));
        await hub.StartAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = 0;
        var seen = false;
        while (received < 3 || !seen)
        {
            // The first on connecting (from before the monitor stepped the new zone, perhaps), then the monitor's
            // broadcasts while someone listens, which show it.
            var status = await statuses.Reader.ReadAsync(timeout.Token);
            seen |= status.EnumerateArray().Any(z => z.GetProperty("zoneId").GetString() == "audience-zone");
            received++;
        }

        audience.Anyone.Should().BeTrue();
        await hub.DisposeAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (audience.Anyone && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        audience.Anyone.Should().BeFalse("the only client left, so the monitor stops building every zone's status for nobody");
    }

    [Fact]
    public async Task Hub_ReadingPostedWhileNobodyListens_GoesToTheFirstClientThatConnects()
    {
        var audience = server.Services.GetRequiredService<Surgewatch.Server.Live.LiveAudience>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (audience.Anyone && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        audience.Anyone.Should().BeFalse("no other test's client is connected now");
        var at = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        var reading = $$"""{"sensorId":"quiet-sensor","timestamp":"{{at:yyyy-MM-ddTHH:mm:ssZ}}","value":7}""";
        (await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.Ndjson(reading))).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two flushes of the broadcaster pass with nobody listening
        var readings = Channel.CreateUnbounded<JsonElement>();
        await using var hub = Connect();
        hub.On<JsonElement>("readings", r => readings.Writer.TryWrite(r));

        await hub.StartAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement quiet;
        do
        {
            quiet = (await readings.Reader.ReadAsync(timeout.Token)).EnumerateArray().FirstOrDefault(r => r.GetProperty("sensorId").GetString() == "quiet-sensor");
        }
        while (quiet.ValueKind == JsonValueKind.Undefined);

        quiet.GetProperty("value").GetDouble().Should().Be(7, "the latest reading of each sensor waits for a listener instead of going to nobody");
    }

    [Fact]
    public async Task Ack_UnknownAlert_Returns404()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/alerts/nope%2Fnone/ack", Bodies.Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<string> WaitForActiveAlertAsync(string key)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var alerts = await (await server.CreateClient().GetAsync("/api/v1/alerts?active=true")).ReadJsonAsync();
            if (alerts.EnumerateArray().Any(a => a.GetProperty("key").GetString() == key))
            {
                return key;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No active alert '{key}' within 60 s.");
    }

    private HubConnection Connect()
    {
        _ = server.CreateClient();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.Server.BaseAddress, "hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
    }
}

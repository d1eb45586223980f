using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Webhook;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Alerts;

/// <summary>The server's alerting through Core's monitor, on a hand-moved clock: persistence, audit, webhook, forecast rules.</summary>
public sealed class AlertingIntegrationTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Restart_AcknowledgedFiringAlert_ResumesFiringAndAcknowledged()
    {
        var time = new ManualTime(T0);
        string database;
        using (var first = new ClockedServer(time) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("r-zone")))).EnsureSuccessStatusCode();
            await FireAsync(first, admin, "r-zone", 300);
            (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString("density-warning/r-zone")}/ack", Bodies.Json("{}"))).EnsureSuccessStatusCode();
        }

        time.Now += TimeSpan.FromMinutes(1);
        using var second = new ClockedServer(time, database);
        await second.IngestAsync(second.ClientWithKey(ServerFixture.AdminKey), "r-zone", 300);

        var alert = await second.AlertAsync("density-warning/r-zone");
        alert.Should().NotBeNull();
        alert!.State.Should().Be("firing");
        alert.Acknowledged.Should().BeTrue();
        alert.Since.Should().Be(T0 + TimeSpan.FromMinutes(6), "the episode continues; no new one started");
    }

    [Fact]
    public async Task Ack_ActiveAlert_WritesAuditEntryWithoutTheKeySecret()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("audit-zone")))).EnsureSuccessStatusCode();
        await server.IngestAsync(admin, "audit-zone", 300);

        (await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString("density-warning/audit-zone")}/ack", Bodies.Json("""{"note":"stewards sent"}""")))
            .EnsureSuccessStatusCode();

        var response = await admin.GetAsync("/api/v1/audit");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(ServerFixture.AdminKey);
        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        entries.Should().Contain(e => e.GetProperty("action").GetString() == "zone.create" && e.GetProperty("target").GetString() == "audit-zone");
        var ack = entries.Single(e => e.GetProperty("action").GetString() == "alert.acknowledge");
        ack.GetProperty("target").GetString().Should().Be("density-warning/audit-zone");
        ack.GetProperty("detail").GetString().Should().Be("stewards sent");
        ack.GetProperty("actor").GetString().Should().NotBe("unknown");
        (await server.CreateClient().GetAsync("/api/v1/audit")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FiringAlert_PostsSignedWebhookToTheListener()
    {
        using var listener = new WebhookListener();
        using var server = new ClockedServer(new ManualTime(T0), webhookUrl: listener.Url);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("hook-zone")))).EnsureSuccessStatusCode();

        await FireAsync(server, admin, "hook-zone", 300);

        var (body, signature) = await listener.NextAsync();
        signature.Should().NotBeNull();
        WebhookSignature.Verify(ClockedServer.WebhookSecret, signature!, Encoding.UTF8.GetBytes(body), TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5))
            .Should().BeTrue();
        var payload = JsonDocument.Parse(body).RootElement;
        payload.GetProperty("zoneId").GetString().Should().Be("hook-zone");
        payload.GetProperty("kind").GetString().Should().Be("firing");
        var log = server.Services.GetRequiredService<INotificationLog>();
        var deliveries = await log.ListDeliveriesAsync(DateTimeOffset.MinValue, 10);
        // The channel records the delivery just after the listener answered: up to 30 s, for a loaded CI machine.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (deliveries.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
            deliveries = await log.ListDeliveriesAsync(DateTimeOffset.MinValue, 10);
        }

        deliveries.Should().Contain(d => d.Channel == "webhook" && d.Delivered && d.Notification.Subject == "hook-zone");
    }

    [Fact]
    public async Task UnacknowledgedAlert_EscalatesAlongTheConfiguredChain()
    {
        using var listener = new WebhookListener();
        var chain = new Dictionary<string, string?>
        {
            ["Surgewatch:Notifications:Chain:0:Contact"] = "duty",
            ["Surgewatch:Notifications:Chain:0:AfterMinutes"] = "0",
            ["Surgewatch:Notifications:Chain:1:Contact"] = "supervisor",
            ["Surgewatch:Notifications:Chain:1:AfterMinutes"] = "10",
        };
        using var server = new ClockedServer(new ManualTime(T0), webhookUrl: listener.Url, extra: chain);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("esc-zone")))).EnsureSuccessStatusCode();
        await FireAsync(server, admin, "esc-zone", 300);

        server.Time.Now += TimeSpan.FromMinutes(11);
        await server.IngestAsync(admin, "esc-zone", 300);

        var contacts = new List<string?>();
        while (!contacts.Contains("supervisor"))
        {
            var payload = JsonDocument.Parse((await listener.NextAsync()).Body).RootElement;
            contacts.Add(payload.GetProperty("contact").GetString());
        }

        contacts.Should().StartWith("duty");
    }

    [Fact]
    public async Task Restart_SilenceSurvivesAndSuppressesItsZonesNotification()
    {
        using var listener = new WebhookListener();
        var time = new ManualTime(T0);
        string database;
        using (var first = new ClockedServer(time, webhookUrl: listener.Url) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("a-silenced"), TestZones.Feature("b-open"))))).EnsureSuccessStatusCode();
            var silence = $$"""{"zoneId":"a-silenced","startsAt":"{{T0.AddHours(-1):O}}","endsAt":"{{T0.AddHours(2):O}}","comment":"planned event"}""";
            (await admin.PostAsync("/api/v1/silences", Bodies.Json(silence))).StatusCode.Should().Be(HttpStatusCode.Created);
        }

        using var second = new ClockedServer(time, database, listener.Url);
        var client = second.ClientWithKey(ServerFixture.AdminKey);
        var silences = await (await client.GetAsync("/api/v1/silences")).ReadJsonAsync();
        silences.EnumerateArray().Should().ContainSingle(s => s.GetProperty("zoneId").GetString() == "a-silenced");
        await IngestBothAsync(second, client);
        time.Now += TimeSpan.FromMinutes(6);
        await IngestBothAsync(second, client);

        var zones = new List<string?>();
        while (!zones.Contains("b-open"))
        {
            zones.Add(JsonDocument.Parse((await listener.NextAsync()).Body).RootElement.GetProperty("zoneId").GetString());
        }

        zones.Should().NotContain("a-silenced");
        (await second.AlertAsync("density-warning/a-silenced"))!.Silenced.Should().BeTrue();
        (await second.AlertAsync("density-warning/a-silenced"))!.State.Should().Be("firing");
    }

    [Fact]
    public async Task RecurringSilence_InsideItsLocalWindow_SuppressesItsZonesNotification()
    {
        // T0 is 10:00 UTC on 1 June, 20:00 in Melbourne (UTC+10 in winter): inside a nightly 19:30–21:00 window.
        using var listener = new WebhookListener();
        using var server = new ClockedServer(new ManualTime(T0), webhookUrl: listener.Url);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("a-silenced"), TestZones.Feature("b-open"))))).EnsureSuccessStatusCode();
        var created = await admin.PostAsync("/api/v1/silences/recurring",
            Bodies.Json("""{"zoneId":"a-silenced","timeZone":"Australia/Melbourne","start":"19:30","end":"21:00","comment":"nightly cleaning"}"""));

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var listed = await (await server.CreateClient().GetAsync("/api/v1/silences/recurring")).ReadJsonAsync();
        listed.EnumerateArray().Should().ContainSingle().Which.GetProperty("start").GetString().Should().Be("19:30");
        await IngestBothAsync(server, admin);
        server.Time.Now += TimeSpan.FromMinutes(6);
        await IngestBothAsync(server, admin);

        var zones = new List<string?>();
        while (!zones.Contains("b-open"))
        {
            zones.Add(JsonDocument.Parse((await listener.NextAsync()).Body).RootElement.GetProperty("zoneId").GetString());
        }

        zones.Should().NotContain("a-silenced");
        (await server.AlertAsync("density-warning/a-silenced"))!.Silenced.Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"start":"25:00","end":"03:00"}""", "start")]
    [InlineData("""{"start":"02:00","end":"02:00"}""", "end")]
    [InlineData("""{"start":"02:00","end":"04:00","timeZone":"Mars/Olympus"}""", "timeZone")]
    public async Task RecurringSilence_BadRequest_Returns400NamingTheField(string body, string field)
    {
        using var server = new ClockedServer(new ManualTime(T0));

        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/silences/recurring", Bodies.Json(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    [Fact]
    public async Task Ramp_ForecastRuleFiresBeforeTheObservedAlarmLevel()
    {
        var time = new ManualTime(T0);
        using var server = new ClockedServer(time);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("ramp-zone")))).EnsureSuccessStatusCode();

        double? densityWhenFired = null;
        for (var minute = 0; minute <= 120 && densityWhenFired is null; minute++)
        {
            time.Now = T0 + TimeSpan.FromMinutes(minute);
            var density = 1 + (4.0 * minute / 120);
            await server.IngestAsync(admin, "ramp-zone", Math.Round(density * 100));
            if ((await server.AlertAsync("density-forecast-alarm-60m/ramp-zone"))?.State == "firing")
            {
                densityWhenFired = density;
            }
        }

        densityWhenFired.Should().NotBeNull("the 60-minute forecast rule must fire during the ramp");
        densityWhenFired!.Value.Should().BeLessThan(4, "it must fire before the observed density reaches the alarm level");
    }

    [Fact]
    public async Task DeadZone_RaisesOneNoDataAlertNotOnePerRule()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("dead-zone")))).EnsureSuccessStatusCode();
        await server.IngestAsync(admin, "dead-zone", 100);

        foreach (var minutes in (int[])[40, 55, 70])
        {
            server.Time.Now = T0 + TimeSpan.FromMinutes(minutes);
            await server.StepAsync();
        }

        var alerts = await (await server.CreateClient().GetAsync("/api/v1/alerts?active=true")).ReadJsonAsync();
        var noData = alerts.EnumerateArray().Where(a => a.GetProperty("zoneId").GetString() == "dead-zone").ToList();
        noData.Should().ContainSingle();
        noData[0].GetProperty("state").GetString().Should().Be("no-data");
        noData[0].GetProperty("key").GetString().Should().Be("density-warning/dead-zone");
    }

    private static async Task FireAsync(ClockedServer server, HttpClient admin, string zone, double persons)
    {
        await server.IngestAsync(admin, zone, persons);
        server.Time.Now += TimeSpan.FromMinutes(6);
        await server.IngestAsync(admin, zone, persons);
        (await server.AlertAsync($"density-warning/{zone}"))!.State.Should().Be("firing");
    }

    private static async Task IngestBothAsync(ClockedServer server, HttpClient admin)
    {
        await server.IngestAsync(admin, "a-silenced", 300);
        await server.IngestAsync(admin, "b-open", 300);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Demo;

/// <summary>A server in demo mode at 600× speed.</summary>
public sealed class DemoServerFixture : ServerFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Mode)}"] = "Demo",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.Speed)}"] = "600",
        [$"{ServerOptions.Section}:{nameof(ServerOptions.SiteZone)}"] = "Australia/Melbourne",
    };
}

public sealed class DemoModeTests(DemoServerFixture server) : IClassFixture<DemoServerFixture>
{
    [Fact]
    public async Task Session_DemoMode_HandsOutWorkingOperatorKey()
    {
        var session = await (await server.CreateClient().GetAsync("/api/v1/session")).ReadJsonAsync();
        var key = session.GetProperty("operatorKey").GetString();
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        var paused = await client.PostAsync("/api/v1/clock", Bodies.Json("""{"paused":true}"""));

        session.GetProperty("mode").GetString().Should().Be("demo");
        paused.StatusCode.Should().Be(HttpStatusCode.OK);
        var clock = await paused.ReadJsonAsync();
        clock.GetProperty("paused").GetBoolean().Should().BeTrue();
        clock.GetProperty("siteZone").GetString().Should().Be("Australia/Melbourne");
        clock.GetProperty("utcOffset").GetString().Should().BeOneOf("+10:00", "+11:00");
        (await client.PostAsync("/api/v1/clock", Bodies.Json("""{"paused":false}"""))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Demo_AtSpeed600_ZonesListedAndSurgeRaisesWarning()
    {
        var zones = await (await server.CreateClient().GetAsync("/api/v1/zones")).ReadJsonAsync();
        zones.GetProperty("features").GetArrayLength().Should().BeInRange(10, 20);

        // Up to 90 s (it returns on the warning): the demo's steps can lag its 600x clock on a loaded CI machine.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            var alerts = await (await server.CreateClient().GetAsync("/api/v1/alerts")).ReadJsonAsync();
            if (alerts.EnumerateArray().Any(a => a.GetProperty("zoneId").GetString() == "riverside-promenade" && a.GetProperty("severity").GetString() == "warning"))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The demo surge raised no warning within 90 s at 600x.");
    }
}

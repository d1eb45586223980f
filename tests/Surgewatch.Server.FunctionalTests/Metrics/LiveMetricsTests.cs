using System.Globalization;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.FunctionalTests.Metrics;

/// <summary>What an operations team scrapes about the live loop: the zone figures the monitor published, alerts, step time.</summary>
[Collection(MetricsCollection.Name)]
public sealed class LiveMetricsTests : IDisposable
{
    private readonly StoreFolder _store = new();

    private const string Zone = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},
         "properties":{"id":"market-square","name":"Market Square","areaM2":500,"widthM":10,"capacity":1000,
                       "sources":[{"sensorId":"market-heads","role":"occupancy","factor":1}]}}
        """;

    [Fact]
    public async Task GetMetrics_AfterAMonitorStep_ServesTheZoneFiguresTheStatusShowsAndTheStepDuration()
    {
        using (var store = SqliteStore.Open(_store.DatabasePath))
        {
            await store.UpsertSensorsAsync(
                [new Sensor(new SensorId("market-heads"), "Market Square camera count", new GeoPoint(-37.8100, 144.9600), SensorKind.Occupancy, TimeSpan.FromMinutes(1))]);
        }

        var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 13, 0, 30, TimeSpan.Zero));
        using var server = new ClockedServer(time, _store.DatabasePath);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(Zone))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson("""{"sensorId":"market-heads","timestamp":"2026-03-02T13:00:00Z","value":1600}"""))).EnsureSuccessStatusCode();
        await server.StepAsync();

        var all = await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync();
        var status = all.EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "market-square");
        var text = await (await server.CreateClient().GetAsync("/metrics")).Content.ReadAsStringAsync();

        MetricText.Value(text, "surgewatch_zone_persons", "zone=\"market-square\"").Should().Be(status.GetProperty("persons").GetDouble());
        MetricText.Value(text, "surgewatch_zone_density", "zone=\"market-square\"").Should().BeApproximately(status.GetProperty("density").GetDouble(), 1e-9);
        var level = status.GetProperty("level").GetString()!;
        level.Should().NotBe("ok", "3.2 persons/m² is above every default warning level");
        MetricText.Value(text, "surgewatch_zone_level", "zone=\"market-square\"").Should().Be(LevelValue(level));
        MetricText.Value(text, "surgewatch_live_step_duration_seconds_count").Should().BeGreaterThanOrEqualTo(1);
        foreach (var severity in new[] { "warning", "alarm", "critical" })
        {
            text.Should().MatchRegex($"surgewatch_alerts_active\\{{[^}}]*severity=\"{severity}\",state=\"firing\"", "every severity is a series from the start");
        }

        var active = (await (await admin.GetAsync("/api/v1/alerts?active=true")).ReadJsonAsync()).EnumerateArray()
            .Count(a => a.GetProperty("state").GetString() is "pending" or "firing");
        active.Should().BeGreaterThan(0, "the zone is over a level");
        var counted = new[] { "warning", "alarm", "critical" }.Sum(s => MetricText.Value(text, "surgewatch_alerts_active", $"severity=\"{s}\",state=\"pending\"")
            + MetricText.Value(text, "surgewatch_alerts_active", $"severity=\"{s}\",state=\"firing\""));
        counted.Should().Be(active);
        MetricText.Value(text, "surgewatch_readings_ingested_total", "source=\"http\"").Should().Be(1);
    }

    public void Dispose() => _store.Dispose();

    private static double LevelValue(string level) => level switch
    {
        "warning" => 1,
        "alarm" => 2,
        "critical" => 3,
        "no-data" => -1,
        _ => double.Parse("0", CultureInfo.InvariantCulture),
    };
}

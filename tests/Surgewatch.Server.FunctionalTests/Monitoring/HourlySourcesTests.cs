using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.FunctionalTests.Monitoring;

/// <summary>A zone over an hourly counter: its flow is the hour's count per minute, and it is fresh between readings.</summary>
public sealed class HourlySourcesTests : IDisposable
{
    private readonly StoreFolder _store = new();

    private const string Zone = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},
         "properties":{"id":"bourke-mall","name":"Bourke Street Mall","areaM2":2000,"widthM":20,"capacity":4000,
                       "sources":[{"sensorId":"bourke-hourly","role":"lineTotal","factor":1}]}}
        """;

    [Fact]
    public async Task Monitor_HourlyLineCounter_FlowPerMinuteOfTheHourAndFreshUntilTheNextIsLate()
    {
        // The counter is known before the server starts, as after `surgewatch ingest` of its history.
        var path = _store.DatabasePath;
        using (var store = SqliteStore.Open(path))
        {
            await store.UpsertSensorsAsync(
                [new Sensor(new SensorId("bourke-hourly"), "Bourke Street Mall (hourly)", new GeoPoint(-37.8135, 144.9652), SensorKind.PedestrianCount, TimeSpan.FromHours(1))]);
        }

        var time = new ManualTime(new DateTimeOffset(2026, 3, 2, 13, 0, 5, TimeSpan.Zero));
        using var server = new ClockedServer(time, path);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(Zone))).EnsureSuccessStatusCode();

        // The 12:00–13:00 count, released when its hour has ended.
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson("""{"sensorId":"bourke-hourly","timestamp":"2026-03-02T12:00:00Z","value":2143}"""))).EnsureSuccessStatusCode();
        await server.StepAsync();
        var status = await StatusAsync(server);
        status.GetProperty("flow").GetDouble().Should().BeApproximately(2143.0 / 60 / 20, 0.01, "2,143 an hour on 20 m is 1.79 persons/m/min, not the count over five minutes");
        status.GetProperty("sources")[0].GetProperty("stale").GetBoolean().Should().BeFalse();

        time.Now = new DateTimeOffset(2026, 3, 2, 14, 4, 0, TimeSpan.Zero);
        await server.StepAsync();
        (await StatusAsync(server)).GetProperty("sources")[0].GetProperty("stale").GetBoolean().Should().BeFalse("the 13:00 count is due at 14:00; a few minutes late is not stale");

        time.Now = new DateTimeOffset(2026, 3, 2, 14, 10, 0, TimeSpan.Zero);
        await server.StepAsync();
        (await StatusAsync(server)).GetProperty("sources")[0].GetProperty("stale").GetBoolean().Should().BeTrue("the 13:00 count is ten minutes late");
    }

    public void Dispose() => _store.Dispose();

    private static async Task<System.Text.Json.JsonElement> StatusAsync(ClockedServer server)
    {
        var all = await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync();
        return all.EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "bourke-mall");
    }
}

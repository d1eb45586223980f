using System.Globalization;
using System.Text;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Monitoring;

/// <summary>A zone counted only by a gate's lines in and out keeps its count of persons inside over a restart of the server.</summary>
public sealed class LineBalanceRestartTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private const string Zone = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9605,-37.81],[144.9605,-37.8105],[144.96,-37.8105],[144.96,-37.81]]]},
         "properties":{"id":"arena","name":"Arena","areaM2":5000,"widthM":null,"capacity":4000,
           "sources":[{"sensorId":"gate-in","role":"line-in","factor":1},{"sensorId":"gate-out","role":"line-out","factor":1}]}}
        """;

    [Fact]
    public async Task ZoneStatus_LineOnlyZoneAfterARestart_KeepsThePersonsCountedBeforeIt()
    {
        var time = new ManualTime(T0);
        string database;
        using (var first = new ClockedServer(time) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(Zone))).EnsureSuccessStatusCode();
            // In steps of two minutes, so that the monitor's own loop never finds the gate silent between them.
            for (var block = 0; block < 60; block++)
            {
                await CountAsync(first, admin, minutes: 2);
            }

            (await PersonsAsync(first)).Should().BeApproximately(120 * 15, 1, "two hours of 20 in and 5 out a minute");
        }

        using var second = new ClockedServer(time, database);
        for (var block = 0; block < 3; block++)
        {
            await CountAsync(second, second.ClientWithKey(ServerFixture.AdminKey), minutes: 2);
        }

        (await PersonsAsync(second)).Should().BeApproximately(126 * 15, 1,
            "the balance saved before the restart goes on with the crossings since (without it, only the last 30 minutes would count: 450)");
    }

    /// <summary>Moves the clock on by <paramref name="minutes"/>, posts the gate's minute counts of that time (20 in, 5 out), and steps the monitor.</summary>
    private static async Task CountAsync(ClockedServer server, HttpClient admin, int minutes)
    {
        var body = new StringBuilder();
        for (var m = 1; m <= minutes; m++)
        {
            var at = (server.Time.Now + TimeSpan.FromMinutes(m)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $$"""{"sensorId":"gate-in","timestamp":"{{at}}","value":20}""").Append('\n');
            body.Append(CultureInfo.InvariantCulture, $$"""{"sensorId":"gate-out","timestamp":"{{at}}","value":5}""").Append('\n');
        }

        server.Time.Now += TimeSpan.FromMinutes(minutes);
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(body.ToString()))).EnsureSuccessStatusCode();
        await server.StepAsync();
    }

    private static async Task<double> PersonsAsync(ClockedServer server)
    {
        var status = (await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync()).EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == "arena");
        return status.GetProperty("persons").GetDouble();
    }
}

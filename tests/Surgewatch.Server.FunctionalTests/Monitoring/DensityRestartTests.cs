using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Monitoring;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Monitoring;

/// <summary>A zone's recent densities (the forecast rules' local trend) come back after a restart of the server.</summary>
public sealed class DensityRestartTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private const string Zone = """
        {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9605,-37.81],[144.9605,-37.8105],[144.96,-37.8105],[144.96,-37.81]]]},
         "properties":{"id":"plaza","name":"Plaza","areaM2":1000,"widthM":null,"capacity":4000,
           "sources":[{"sensorId":"plaza-cam","role":"occupancy","factor":1}]}}
        """;

    [Fact]
    public async Task Step_AfterARestart_ContinuesTheZonesDensitiesSavedBeforeIt()
    {
        var time = new ManualTime(T0);
        string database;
        int before;
        using (var first = new ClockedServer(time) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(Zone))).EnsureSuccessStatusCode();
            for (var minute = 1; minute <= 40; minute++)
            {
                await CountAsync(first, admin, persons: 1000 + (25 * minute));
            }

            before = (await DensitiesAsync(first)).Values.Count;
            before.Should().BeGreaterThanOrEqualTo(39, "a density a minute for 40 minutes, saved every minute");
        }

        using var second = new ClockedServer(time, database);
        for (var minute = 41; minute <= 43; minute++)
        {
            await CountAsync(second, second.ClientWithKey(ServerFixture.AdminKey), persons: 1000 + (25 * minute));
        }

        var after = await DensitiesAsync(second);
        after.Values.Count.Should().BeGreaterThanOrEqualTo(before + 2, "the restarted loop goes on from the densities saved before the restart (without them it would hold 3)");
        after.Values[^1].Should().BeInRange(2.04, 2.08, "the latest density is the last minutes' (2,050–2,075 persons on 1,000 m²)");
    }

    /// <summary>Moves the clock on by a minute, posts the camera's head count of that minute, and steps the monitor.</summary>
    private static async Task CountAsync(ClockedServer server, HttpClient admin, double persons)
    {
        server.Time.Now += TimeSpan.FromMinutes(1);
        var at = server.Time.Now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new StringBuilder().Append(CultureInfo.InvariantCulture, $$"""{"sensorId":"plaza-cam","timestamp":"{{at}}","value":{{persons}}}""").Append('\n');
        (await admin.PostAsync("/api/v1/readings", Bodies.Ndjson(body.ToString()))).EnsureSuccessStatusCode();
        await server.StepAsync();
    }

    private static async Task<ZoneDensities> DensitiesAsync(ClockedServer server) =>
        (await server.Services.GetRequiredService<IZoneDensityStore>().LoadZoneDensitiesAsync()).Single(d => d.Zone.Value == "plaza");
}

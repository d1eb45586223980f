using System.Text.Json.Nodes;
using Surgewatch.Cli.Tests.Serve;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Cli.Tests.Briefing;

/// <summary><c>surgewatch brief --db</c> and <c>GET /api/v1/briefing</c> are one briefing: the same JSON for the same store, date and model.</summary>
public sealed class BriefingParityTest
{
    private const string Key = "parity-admin-key-0123456789abcdefghijklmnop";

    // Eight weeks of four hourly counters from 2025-01-06; the day after the data is briefed.
    private const string Date = "2025-03-03";

    [Fact]
    public async Task BriefDbAndApi_SameStoreDateAndModel_GiveTheSameJson()
    {
        using var dir = new TempDirectory();
        var db = dir.File("store.db");
        await SeedAsync(db);
        var (trainExit, trainOutput) = await CliRunner.RunAsync("train", "--db", db, "--model", "historical-median-4w");
        var deployed = await BriefCliAsync(dir, db);
        var named = await BriefCliAsync(dir, db, "--model", "seasonal-naive-week");

        await using var server = await ServeProcess.StartAsync(db, Key);
        using var http = new HttpClient { BaseAddress = server.Url };
        var apiDeployed = JsonNode.Parse(await http.GetStringAsync($"/api/v1/briefing?date={Date}"));
        var apiNamed = JsonNode.Parse(await http.GetStringAsync($"/api/v1/briefing?date={Date}&model=seasonal-naive-week"));

        trainExit.Should().Be(0, trainOutput);
        deployed["method"]!.GetValue<string>().Should().Be("deployed");
        deployed["modelId"]!.GetValue<long>().Should().Be(1);
        deployed["fallback"].Should().BeNull();
        named["method"]!.GetValue<string>().Should().Be("fitted");
        deployed["zones"]!.AsArray().Select(z => z!["kind"]!.GetValue<string>()).Should().BeEquivalentTo(["zone", "zone", "counter", "counter", "counter", "counter"],
            "the two zones and the four counters briefed on their own, riskiest first");
        JsonNode.DeepEquals(apiDeployed, deployed).Should().BeTrue($"the API gave {apiDeployed}\nthe CLI wrote {deployed}");
        JsonNode.DeepEquals(apiNamed, named).Should().BeTrue($"the API gave {apiNamed}\nthe CLI wrote {named}");
    }

    private static async Task<JsonNode> BriefCliAsync(TempDirectory dir, string db, params string[] extra)
    {
        var json = dir.File($"brief-{Guid.NewGuid():N}.json");
        var (exit, output) = await CliRunner.RunAsync(["brief", "--db", db, "--date", Date, "--json", json, .. extra]);
        exit.Should().Be(0, output);
        return JsonNode.Parse(await File.ReadAllTextAsync(json))!;
    }

    private static async Task SeedAsync(string db)
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(4, new DateOnly(2025, 1, 6), 8 * 7, TimeSpan.FromHours(1)));
        using var store = SqliteStore.Open(db);
        await store.UpsertSensorsAsync(city.Sensors);
        await store.UpsertObservationsAsync(city.GenerateObservations());
        await store.UpsertZonesAsync(
        [
            Zone.Create(new ZoneId("plaza"), "Plaza", Square(0), 400, sources: [new ZoneSource(city.Sensors[0].Id, ZoneSourceRole.Occupancy)]),
            Zone.Create(
                new ZoneId("gate"), "Gate", Square(0.001), 900,
                sources: [new ZoneSource(city.Sensors[1].Id, ZoneSourceRole.LineIn), new ZoneSource(city.Sensors[2].Id, ZoneSourceRole.LineIn, 2)]),
        ]);
    }

    private static ZonePolygon Square(double offset) =>
        new([[new GeoPoint(offset, 0), new GeoPoint(offset, 0.0002), new GeoPoint(offset + 0.0002, 0.0002), new GeoPoint(offset + 0.0002, 0)]]);
}

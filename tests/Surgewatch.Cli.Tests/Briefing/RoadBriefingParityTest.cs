using System.Text.Json.Nodes;
using Surgewatch.Cli.Tests.Serve;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Cli.Tests.Briefing;

/// <summary>
/// The roads in the one briefing: <c>surgewatch brief --db</c> lists the day's expected jams of the store's roads model,
/// and <c>GET /api/v1/briefing</c> and <c>GET /api/v1/roads/jams</c> give the same for the same store and day.
/// </summary>
public sealed class RoadBriefingParityTest
{
    private const string Key = "road-parity-admin-key-0123456789abcdefghijk";

    // Monday to Thursday of the synthetic Bank Street; the Friday after is briefed (a day in the past: from its start).
    private static readonly DateOnly Monday = new(2025, 2, 3);
    private const string Date = "2025-02-07";

    [Fact]
    public async Task BriefDbAndApi_StoreWithARoadsModel_ListTheSameExpectedJams()
    {
        using var dir = new TempDirectory();
        var db = dir.File("roads.db");
        await SeedAsync(db);
        var (trainExit, trainOutput) = await CliRunner.RunAsync("train", "--db", db, "--model", "day-kind-median-3d");
        trainExit.Should().Be(0, trainOutput);
        var json = dir.File("brief.json");
        var (exit, console) = await CliRunner.RunAsync("brief", "--db", db, "--date", Date, "--json", json);
        exit.Should().Be(0, console);
        var cli = JsonNode.Parse(await File.ReadAllTextAsync(json))!;

        await using var server = await ServeProcess.StartAsync(db, Key);
        using var http = new HttpClient { BaseAddress = server.Url };
        var api = JsonNode.Parse(await http.GetStringAsync($"/api/v1/briefing?date={Date}"))!;
        var jams = JsonNode.Parse(await http.GetStringAsync($"/api/v1/roads/jams?date={Date}"))!;

        var roads = cli["roads"]!;
        roads["model"]!.GetValue<string>().Should().Be("day-kind-median-3d");
        var listed = roads["jams"]!.AsArray();
        listed.Select(j => j!["sensorId"]!.GetValue<string>()).Should().Contain(["bank-street-1", "bank-street-2"], "the western half jams on weekday mornings");
        listed.Should().Contain(j => j!["sensorId"]!.GetValue<string>() == "bank-street-2" && string.CompareOrdinal(j["from"]!.GetValue<string>(), "07:00") >= 0
            && string.CompareOrdinal(j["from"]!.GetValue<string>(), "08:30") < 0);
        console.Should().Contain("bank-street-2").And.Contain("Expected jams by road");
        JsonNode.DeepEquals(api, cli).Should().BeTrue($"the API gave {api}\nthe CLI wrote {cli}");
        jams["jams"]!.AsArray().Select(j => j!["sensorId"]!.GetValue<string>()).Should().Equal(listed.Select(j => j!["sensorId"]!.GetValue<string>()),
            "the roads endpoint lists the briefing's jams");
    }

    private static async Task SeedAsync(string db)
    {
        var history = new ObservationBatch(8 * 1200);
        for (var t = TimeLabel.FromDate(Monday); t < TimeLabel.FromDate(Monday.AddDays(4)); t += SyntheticRoads.Step)
        {
            SyntheticRoads.AddReadings(history, t, null);
        }

        using var store = SqliteStore.Open(db);
        await store.UpsertSensorsAsync(SyntheticRoads.Sensors());
        await store.UpsertObservationsAsync(history);
    }
}

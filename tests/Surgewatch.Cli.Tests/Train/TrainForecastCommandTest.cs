using System.Text.Json;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Tests.Train;

public sealed class TrainForecastCommandTest
{
    [Fact]
    public async Task TrainThenForecast_Baseline_SavesTheModelAndForecastsWithIntervalsIntoTheStore()
    {
        using var dir = new TempDirectory();
        var data = DataFolder(dir);
        var db = dir.File("store.db");
        var json = dir.File("forecast.json");

        var (trainExit, trainOutput) = await CliRunner.RunAsync("train", "--data", data, "--db", db, "--model", "seasonal-naive-day");
        var (exit, output) = await CliRunner.RunAsync("forecast", "--db", db, "--data", data, "--model-id", "1", "--horizon", "6", "--json", json);

        trainExit.Should().Be(0, trainOutput);
        trainOutput.Should().Contain("model-id: 1");
        exit.Should().Be(0, output);
        output.Should().Contain("without refitting");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var forecasts = doc.RootElement.GetProperty("forecasts").EnumerateArray().ToList();
        forecasts.Should().HaveCount(3);
        var point = forecasts[0].GetProperty("points")[0];
        point.GetProperty("intervals").GetArrayLength().Should().Be(2);
        forecasts[0].GetProperty("points").GetArrayLength().Should().Be(6);

        using var store = SqliteStore.Open(db);
        var stored = await store.LatestForecastAsync(new SensorId("1"), "seasonal-naive-day", TimeLabel.FromDate(new DateOnly(2030, 1, 1)));
        stored!.Points.Should().HaveCount(6).And.OnlyContain(p => p.Intervals.Count == 2);
    }

    [Fact]
    public async Task Train_RoadSpeeds_SavesARoadsModelWithItsCongestionRule()
    {
        // Three days of two 65 mph roads at 5 minutes, each jammed (25 mph) every morning 07:30-08:30.
        using var dir = new TempDirectory();
        var data = dir.File("speeds.csv");
        await File.WriteAllTextAsync(data, DataFiles.RoadSpeedsCsv(days: 3));
        var db = dir.File("store.db");

        var (exit, output) = await CliRunner.RunAsync("train", "--data", data, "--kind", "road-speed", "--db", db, "--model", "day-kind-median-3d");

        exit.Should().Be(0, output);
        output.Should().Contain("Congestion rule: 2 of 2 roads have a congested speed");
        using var store = SqliteStore.Open(db);
        var saved = (await store.LatestModelAsync(null, Core.Forecasting.Persistence.ModelSubjects.Roads))!;
        saved.Rule.Should().NotBeNull();
        Core.Roads.CongestionRule.FromBytes(saved.Rule).Sensors.Select(s => s.Value).Should().Equal("r1", "r2");
        (await store.LatestModelAsync(null, Core.Forecasting.Persistence.ModelSubjects.Counters)).Should().BeNull("road speeds never make a counters model");
    }

    [Fact]
    public async Task Train_FromAStoreWithARoadGraph_TrainsTheRoadsWithTheGraph()
    {
        using var dir = new TempDirectory();
        var data = Directory.CreateDirectory(dir.File("roads")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "readings.csv"), DataFiles.RoadSpeedsCsv(days: 3));
        await File.WriteAllTextAsync(Path.Combine(data, "edges.csv"), "from_id,to_id,weight\nr1,r2,1\n");
        var db = dir.File("store.db");
        var (ingestExit, ingestOutput) = await CliRunner.RunAsync("ingest", data, "--db", db, "--kind", "road-speed");
        ingestExit.Should().Be(0, ingestOutput);

        var (exit, output) = await CliRunner.RunAsync("train", "--db", db, "--model", "day-kind-median-3d");

        exit.Should().Be(0, output);
        using var store = SqliteStore.Open(db);
        var saved = (await store.LatestModelAsync(null, Core.Forecasting.Persistence.ModelSubjects.Roads))!;
        Models.Deployment.ModelFeatures.FromJson(saved.Features).Edges.Should().BeTrue("the store's road graph is a feature, as a folder's edges.csv is");
    }

    [Fact]
    public async Task Forecast_NoSavedModel_FailsWithCode2SayingToTrain()
    {
        using var dir = new TempDirectory();
        var db = dir.File("empty.db");
        using (Surgewatch.Storage.Sqlite.SqliteStore.Open(db))
        {
            // A store with no saved model (a missing store is refused before: ZonesCommandTest).
        }

        var (exit, output) = await CliRunner.RunAsync("forecast", "--db", db, "--data", DataFolder(dir));

        exit.Should().Be(2);
        output.Should().Contain("surgewatch train");
    }

    [Fact]
    public async Task Train_FromTheStore_UsesTheIngestedReadings()
    {
        using var dir = new TempDirectory();
        var db = dir.File("store.db");
        var (ingestExit, ingestOutput) = await CliRunner.RunAsync("ingest", DataFolder(dir), "--db", db);

        var (exit, output) = await CliRunner.RunAsync("train", "--db", db, "--model", "last-value");

        ingestExit.Should().Be(0, ingestOutput);
        exit.Should().Be(0, output);
        output.Should().Contain("on 3 sensors");
    }

    [Fact]
    public async Task Train_BadSchedule_FailsWithCode2SayingWhatIsAccepted()
    {
        using var dir = new TempDirectory();

        var (exit, output) = await CliRunner.RunAsync("train", "--data", DataFolder(dir), "--db", dir.File("s.db"), "--every", "sometimes");

        exit.Should().Be(2);
        output.Should().Contain("daily@");
    }

    private static string DataFolder(TempDirectory dir)
    {
        var folder = dir.File("city");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "counts.csv"), DataFiles.LongCsv(sensors: 3, days: 40));
        return folder;
    }
}

using System.Text.Json;

namespace Surgewatch.Cli.Tests.Warnings;

public sealed class EvaluateWarningsCommandTest
{
    [Fact]
    public async Task EvaluateWarnings_RoadSpeeds_ScoresCongestionOnsetsAtLeadsOf15And40Minutes()
    {
        // Four days of two 65 mph roads at 5 minutes, each jammed (25 mph) every morning 07:30-08:30; test on day 4.
        using var dir = new TempDirectory();
        var data = dir.File("speeds.csv");
        await File.WriteAllTextAsync(data, DataFiles.RoadSpeedsCsv(days: 4));
        var json = dir.File("roads.json");

        var (exit, output) = await CliRunner.RunAsync(
            "evaluate-warnings", "--data", data, "--kind", "road-speed", "--test-from", "2024-01-04", "--model", "seasonal-naive-day", "--json", json);

        exit.Should().Be(0, output);
        output.Should().Contain("congestion onsets").And.Contain("recall, lead >= 40 min");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        root.GetProperty("rule").GetProperty("name").GetString().Should().Be("congestion");
        root.GetProperty("rule").GetProperty("horizon").GetInt32().Should().Be(12);
        root.GetProperty("rule").GetProperty("liveProbability").GetDouble().Should().Be(0.1);
        root.GetProperty("rule").GetProperty("keepFiringMinutes").GetInt32().Should().Be(30);
        root.GetProperty("events").GetInt32().Should().Be(2, "one morning onset on each road");
        root.GetProperty("recallLead15m").GetDouble().Should().Be(1);
        root.GetProperty("recallLead40m").GetDouble().Should().Be(1, "yesterday's jam is forecast an hour ahead");
        root.GetProperty("baseline").GetProperty("model").GetString().Should().Be("day-kind-median-3d", "the roads' baseline is the same-kind-of-day profile");
        root.GetProperty("baseline").TryGetProperty("recallLead40m", out _).Should().BeTrue();
    }

    [Fact]
    public async Task EvaluateWarnings_SmallData_WritesEveryFieldForProductAndBaseline()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 130));
        var json = dir.File("warnings.json");

        var (exit, output) = await CliRunner.RunAsync(
            "evaluate-warnings", "--data", data, "--test-from", "2024-04-20", "--model", "seasonal-naive-week", "--calibration-weeks", "2", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        foreach (var field in new[] { "events", "recallLead1h", "recallDayAhead", "medianLeadHours", "episodes", "precision", "falseEpisodesPerSensor30d", "warnedHourFraction" })
        {
            root.TryGetProperty(field, out _).Should().BeTrue(field);
            root.GetProperty("baseline").TryGetProperty(field, out _).Should().BeTrue("baseline." + field);
        }

        root.GetProperty("model").GetString().Should().Be("seasonal-naive-week");
        root.GetProperty("baseline").GetProperty("model").GetString().Should().Be("historical-median-4w");
        root.GetProperty("sensors").GetInt32().Should().Be(2);
        root.GetProperty("rule").GetProperty("name").GetString().Should().Be("exceedance");
        root.TryGetProperty("recallLead15m", out _).Should().BeFalse("the road leads belong to the congestion rule only");
        var bySensor = root.GetProperty("bySensor").EnumerateArray().ToArray();
        bySensor.Should().HaveCount(2);
        bySensor.Sum(b => b.GetProperty("episodes").GetInt32()).Should().Be(root.GetProperty("episodes").GetInt32());
        bySensor.Sum(b => b.GetProperty("events").GetInt32()).Should().Be(root.GetProperty("events").GetInt32());
        bySensor[0].GetProperty("threshold").GetDouble().Should().BePositive();
        bySensor[0].TryGetProperty("precision", out _).Should().BeTrue();
        root.GetProperty("baseline").GetProperty("bySensor").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task EvaluateWarnings_ForecastCacheAndOtherRuleSettings_ReusesTheForecastsAndRescores()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 130));
        var cache = dir.File("cache");
        string[] common = ["evaluate-warnings", "--data", data, "--test-from", "2024-04-20", "--test-to", "2024-05-01", "--model", "seasonal-naive-week", "--calibration-weeks", "2", "--forecast-cache", cache];

        var (first, output1) = await CliRunner.RunAsync([.. common, "--json", dir.File("a.json")]);
        var stored = Directory.GetFiles(cache).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToArray();
        var (second, output2) = await CliRunner.RunAsync([.. common, "--rule", "upper-bound", "--keep-firing", "0", "--json", dir.File("b.json")]);

        first.Should().Be(0, output1);
        second.Should().Be(0, output2);
        stored.Should().HaveCount(2, "one file for the model, one for the baseline");
        Directory.GetFiles(cache).Select(f => (f, File.GetLastWriteTimeUtc(f))).Should().Equal(stored, "the second run reads the stored forecasts");
        using var b = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("b.json")));
        b.RootElement.GetProperty("rule").GetProperty("name").GetString().Should().Be("upper-bound");
        b.RootElement.GetProperty("testDays").GetDouble().Should().Be(12);
    }

    [Fact]
    public async Task EvaluateWarnings_ForecastCacheAndChangedReadings_ForecastsAgain()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        var text = DataFiles.LongCsv(sensors: 2, days: 130);
        await File.WriteAllTextAsync(data, text);
        var cache = dir.File("cache");
        string[] common = ["evaluate-warnings", "--data", data, "--test-from", "2024-04-20", "--test-to", "2024-05-01", "--model", "seasonal-naive-week", "--calibration-weeks", "2", "--forecast-cache", cache];

        var (first, output1) = await CliRunner.RunAsync(common);
        // The same shape (sensors, slots) with one reading changed.
        var lastComma = text.TrimEnd('\n').LastIndexOf(',');
        await File.WriteAllTextAsync(data, text[..(lastComma + 1)] + "123456\n");
        var (second, output2) = await CliRunner.RunAsync(common);

        first.Should().Be(0, output1);
        second.Should().Be(0, output2);
        Directory.GetFiles(cache).Should().HaveCount(4, "the changed data keys new forecasts for the model and the baseline");
    }

    [Fact]
    public async Task EvaluateWarnings_TestFromOutsideTheData_FailsWithCode2()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 1, days: 10));

        var (exit, output) = await CliRunner.RunAsync("evaluate-warnings", "--data", data, "--test-from", "2030-01-01");

        exit.Should().Be(2);
        output.Should().Contain("--test-from");
    }
}

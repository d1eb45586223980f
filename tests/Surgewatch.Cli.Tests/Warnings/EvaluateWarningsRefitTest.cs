using System.Text.Json;

namespace Surgewatch.Cli.Tests.Warnings;

public sealed class EvaluateWarningsRefitTest
{
    // 130 days from 2024-01-01 (to 2024-05-09), tested from 2024-04-20: three weekly refit points, calibration weeks
    // starting 2024-04-06, 04-13 and 04-20 (a refit point already fitted), so five fits.
    private static readonly string[] Common =
        ["evaluate-warnings", "--test-from", "2024-04-20", "--model", "seasonal-naive-week", "--calibration-weeks", "2"];

    [Fact]
    public async Task EvaluateWarnings_RefitEverySevenDays_RecalibratesTheRuleAndSaysSoInTheJson()
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);
        var json = dir.File("weekly.json");

        var (exit, output) = await CliRunner.RunAsync([.. Common, "--data", data, "--refit-every", "7d", "--json", json]);

        exit.Should().Be(0, output);
        output.Should().Contain("refit every 7d, rule calibrated again at each refit");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        root.GetProperty("refitEvery").GetString().Should().Be("7d");
        root.GetProperty("recalibrateRule").GetBoolean().Should().BeTrue();
        root.GetProperty("fits").GetInt32().Should().Be(5);
        root.GetProperty("sensors").GetInt32().Should().Be(2);
        root.TryGetProperty("recallLead1h", out _).Should().BeTrue();
    }

    [Fact]
    public async Task EvaluateWarnings_OneFit_WritesNoRefit()
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);
        var json = dir.File("once.json");

        var (exit, output) = await CliRunner.RunAsync([.. Common, "--data", data, "--json", json]);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("refitEvery").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("recalibrateRule").ValueKind.Should().Be(JsonValueKind.Null);
        doc.RootElement.GetProperty("fits").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task EvaluateWarnings_ForecastCacheWithRefits_KeysTheIntervalAndRescoresFromTheStoredRefits()
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);
        var cache = dir.File("cache");
        string[] weekly = [.. Common, "--data", data, "--forecast-cache", cache, "--refit-every", "7d"];

        var (first, output1) = await CliRunner.RunAsync([.. weekly, "--json", dir.File("a.json")]);
        var stored = Directory.GetFiles(cache).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToArray();
        var (second, output2) = await CliRunner.RunAsync([.. weekly, "--json", dir.File("b.json")]);
        var (kept, output3) = await CliRunner.RunAsync([.. weekly, "--recalibrate-rule", "false", "--json", dir.File("c.json")]);
        var (once, output4) = await CliRunner.RunAsync([.. Common, "--data", data, "--forecast-cache", cache]);

        (first, second, kept, once).Should().Be((0, 0, 0, 0), output1 + output2 + output3 + output4);
        stored.Should().HaveCount(2, "one file for the model, one for the baseline");
        Directory.GetFiles(cache).Should().HaveCount(4, "one fit is keyed apart from weekly refits");
        Directory.GetFiles(cache).Select(f => (f, File.GetLastWriteTimeUtc(f))).Should().Contain(stored, "the later runs read the stored refits");
        var a = Figures(dir.File("a.json"));
        Figures(dir.File("b.json")).Should().Equal(a, "the stored forecasts score as the fresh ones");
        using var c = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("c.json")));
        c.RootElement.GetProperty("recalibrateRule").GetBoolean().Should().BeFalse();
        c.RootElement.GetProperty("fits").GetInt32().Should().Be(5);
    }

    private static string[] Figures(string json)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        return [.. new[] { "events", "episodes", "recallLead1h", "recallDayAhead", "precision", "fits" }.Select(f => root.GetProperty(f).GetRawText())];
    }

    private static async Task<string> Data(TempDirectory dir)
    {
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 130));
        return data;
    }
}

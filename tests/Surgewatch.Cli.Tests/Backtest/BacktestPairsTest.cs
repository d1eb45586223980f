using System.Globalization;
using System.Text.Json;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestPairsTest
{
    [Fact]
    public async Task Backtest_PairsAndTestTo_WritesOnePairPerScoredSlotInsideTheWindow()
    {
        using var dir = new TempDirectory();
        var first = dir.File("first.json");
        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "last-value", "--no-intervals", "--json", first);
        exit.Should().Be(0, output);
        var testFrom = DateTime.Parse(ReadTestFrom(first), CultureInfo.InvariantCulture);
        var lastDay = testFrom.AddDays(6);
        var json = dir.File("report.json");
        var pairs = dir.File("pairs.csv");

        (exit, output) = await CliRunner.RunAsync(
            "backtest", "--demo", "--model", "last-value", "--no-intervals", "--test-from", testFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--test-to", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json", json, "--pairs", pairs);

        exit.Should().Be(0, output);
        var lines = await File.ReadAllLinesAsync(pairs);
        lines[0].Should().Be("timestamp,sensor_id,horizon,actual,forecast");
        var stamps = lines.Skip(1).Select(l => DateTime.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).ToList();
        stamps.Should().OnlyContain(t => t >= testFrom && t < lastDay.AddDays(1));
        stamps.Max().Date.Should().Be(lastDay.Date);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("overall").GetProperty("n").GetInt64().Should().Be(lines.Length - 1);
    }

    [Fact]
    public async Task Backtest_PairsOfARollingBacktest_WritesEveryHorizonOfEveryTarget()
    {
        using var dir = new TempDirectory();
        var json = dir.File("report.json");
        var pairs = dir.File("pairs.csv");

        var (exit, output) = await CliRunner.RunAsync(
            "backtest", "--demo", "--model", "seasonal-naive-day", "--no-intervals", "--protocol", "rolling", "--horizon", "3", "--json", json, "--pairs", pairs);

        exit.Should().Be(0, output);
        var rows = (await File.ReadAllLinesAsync(pairs)).Skip(1).Select(l => l.Split(',')).ToList();
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var horizons = doc.RootElement.GetProperty("horizons").EnumerateArray().ToList();
        rows.GroupBy(r => int.Parse(r[2], CultureInfo.InvariantCulture)).Select(g => (g.Key, (long)g.Count())).Should().Equal(
            horizons.Select(h => (h.GetProperty("h").GetInt32(), h.GetProperty("n").GetInt64())));
        var mae1 = rows.Where(r => r[2] == "1").Average(r => Math.Abs(double.Parse(r[3], CultureInfo.InvariantCulture) - double.Parse(r[4], CultureInfo.InvariantCulture)));
        mae1.Should().BeApproximately(horizons[0].GetProperty("mae").GetDouble(), 0.01, "forecasts are written to 3 decimals");
    }

    private static string ReadTestFrom(string json)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.GetProperty("testFrom").GetString()!;
    }
}

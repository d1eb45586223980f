using System.Text.Json;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestCommandDataTest
{
    [Fact]
    public async Task Backtest_LongCsvFolderWithPerfectlyDailyData_SeasonalNaiveDayHasZeroError()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(dir.File("counts.csv"), DataFiles.LongCsv(sensors: 3, days: 10));
        var json = dir.File("r.json");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", dir.Path, "--model", "seasonal-naive-day", "--test-from", "2024-01-08", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var overall = doc.RootElement.GetProperty("overall");
        overall.GetProperty("mae").GetDouble().Should().Be(0);
        overall.GetProperty("n").GetInt64().Should().Be(3 * 3 * 24, "three sensors × three test days × 24 hours are scored");
        doc.RootElement.GetProperty("dataset").GetString().Should().Be(Path.GetFileName(dir.Path));
    }

    [Fact]
    public async Task Backtest_WideCsvFile_LastValueScoresEveryHorizon()
    {
        using var dir = new TempDirectory();
        var file = dir.File("readings.csv");
        await File.WriteAllTextAsync(file, DataFiles.WideCsv(sensors: 2, days: 5));
        var json = dir.File("r.json");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", file, "--model", "last-value", "--test-from", "2024-01-05", "--horizon", "4", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var horizons = doc.RootElement.GetProperty("horizons").EnumerateArray().ToList();
        horizons.Should().HaveCount(4);
        horizons.Should().OnlyContain(h => h.GetProperty("n").GetInt64() == 2 * 24);
        horizons[3].GetProperty("mae").GetDouble().Should().BeGreaterThan(horizons[0].GetProperty("mae").GetDouble());
    }

    [Fact]
    public async Task Backtest_FileWithBadRow_FailsWithCode2NamingFileLineAndField()
    {
        using var dir = new TempDirectory();
        var file = dir.File("counts.csv");
        await File.WriteAllTextAsync(file, "timestamp,sensor_id,count\n2024-01-01T00:00:00,1,5\n2024-01-01T01:00:00,1,lots\n");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", file);

        exit.Should().Be(2);
        output.Should().Contain("counts.csv line 3, field 'count'");
    }

    [Fact]
    public async Task Backtest_MissingPath_FailsWithCode2()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--data", "/no/such/folder");

        exit.Should().Be(2);
        output.Should().Contain("/no/such/folder");
    }
}

using System.Text.Json;
using Surgewatch.Forecasting.XGBoost.Tests;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestFitCacheTest
{
    [RequiresXGBoostFact]
    public async Task Backtest_FitCacheAcrossProtocolsWindowsAndCommands_FitsEachTrainingEndOnceAndForecastsAsTheFit()
    {
        using var dir = new TempDirectory();
        var data = dir.File("counts.csv");
        // 50 days, tested from day 36 (2024-02-05): refit points 02-05, 02-12 and 02-19.
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 50));
        var cache = dir.File("fits");
        string[] common = ["--data", data, "--test-from", "2024-02-05", "--model", "gbm", "--refit-every", "7d", "--fit-cache", cache];

        var (first, output1) = await CliRunner.RunAsync(["backtest", .. common, "--no-intervals", "--json", dir.File("fitted.json")]);
        var (second, output2) = await CliRunner.RunAsync(["backtest", .. common, "--no-intervals", "--json", dir.File("loaded.json")]);
        var (dayAhead, output3) = await CliRunner.RunAsync(["backtest", .. common, "--no-intervals", "--protocol", "day-ahead", "--test-to", "2024-02-15"]);
        var (warnings, output4) = await CliRunner.RunAsync(["evaluate-warnings", .. common, "--calibration-weeks", "2"]);

        (first, second, dayAhead, warnings).Should().Be((0, 0, 0, 0), output1 + output2 + output3 + output4);
        output1.Should().Contain("Fit cache: 3 fitted, 0 loaded.");
        output2.Should().Contain("Fit cache: 0 fitted, 3 loaded.");
        output3.Should().Contain("Fit cache: 0 fitted, 2 loaded.", "day-ahead refits at the same points, on the same readings before them");
        output4.Should().Contain(
            "Fit cache: 7 fitted, 3 loaded.", "gbm loads its three refit points and fits the calibration weeks before the first two; the baseline's five fits are new");
        Wape(dir.File("loaded.json")).Should().Be(Wape(dir.File("fitted.json")));
    }

    private static double Wape(string json)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return doc.RootElement.GetProperty("overall").GetProperty("wape").GetDouble();
    }
}

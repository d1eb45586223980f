using System.Text.Json;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestCommandTest
{
    [Fact]
    public async Task Backtest_DemoWithJson_WritesReportWithEveryField()
    {
        using var dir = new TempDirectory();
        var json = dir.File("report.json");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "seasonal-naive-day", "--protocol", "rolling", "--horizon", "3", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = doc.RootElement;
        root.GetProperty("dataset").GetString().Should().Be("demo");
        root.GetProperty("model").GetString().Should().Be("seasonal-naive-day");
        root.GetProperty("protocol").GetString().Should().Be("rolling");
        root.GetProperty("testFrom").GetString().Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}T00:00:00$");
        var horizons = root.GetProperty("horizons").EnumerateArray().ToList();
        horizons.Select(h => h.GetProperty("h").GetInt32()).Should().Equal(1, 2, 3);
        foreach (var field in new[] { "mae", "rmse", "wape", "mape", "n", "coverage80", "coverage95" })
        {
            root.GetProperty("overall").GetProperty(field).ValueKind.Should().Be(JsonValueKind.Number, field);
        }

        horizons.Should().OnlyContain(h => h.GetProperty("coverage80").GetDouble() <= h.GetProperty("coverage95").GetDouble());
        root.GetProperty("overall").GetProperty("coverage95").GetDouble().Should().BeInRange(0.5, 1.0);

        root.GetProperty("overall").GetProperty("n").GetInt64().Should().Be(horizons.Sum(h => h.GetProperty("n").GetInt64()));
        var upTo = root.GetProperty("upTo").EnumerateArray().ToList();
        upTo.Select(h => h.GetProperty("n").GetInt64()).Should().Equal(
            Enumerable.Range(1, 3).Select(k => horizons.Take(k).Sum(h => h.GetProperty("n").GetInt64())));
        upTo[^1].GetProperty("rmse").GetDouble().Should().Be(root.GetProperty("overall").GetProperty("rmse").GetDouble());
        root.GetProperty("overall").GetProperty("wape").GetDouble().Should().BeInRange(0.01, 1.0);
        root.GetProperty("fitSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        root.GetProperty("predictSeconds").GetDouble().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Backtest_DemoDayAhead_ReportsOneHorizonPerHourOfTheDay()
    {
        using var dir = new TempDirectory();
        var json = dir.File("report.json");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "historical-median-4w", "--protocol", "day-ahead", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("horizons").GetArrayLength().Should().Be(24);
        output.Should().Contain("historical-median-4w").And.Contain("day-ahead");
    }

    [Fact]
    public async Task Backtest_NoModel_UsesTheBestModelAndNamesItInTheJson()
    {
        using var dir = new TempDirectory();
        var json = dir.File("report.json");
        var expected = Core.Forecasting.DefaultModelChoice.For(TimeSpan.FromHours(1), Forecasting.XGBoost.Native.XGBoostLibrary.IsAvailable).Model;

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--no-intervals", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("model").GetString().Should().Be(expected);
        output.Should().Contain($"Model: {expected}");
    }

    [Fact]
    public async Task Backtest_NoIntervals_ReportsNullCoverage()
    {
        using var dir = new TempDirectory();
        var json = dir.File("report.json");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "last-value", "--no-intervals", "--json", json);

        exit.Should().Be(0, output);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("overall").GetProperty("coverage80").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Backtest_UnknownModel_FailsWithCode2AndListsKnownModels()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "crystal-ball");

        exit.Should().Be(2);
        output.Should().Contain("crystal-ball").And.Contain("seasonal-naive-week");
    }

    [Fact]
    public async Task Backtest_NeitherDataNorDemo_FailsWithCode2()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest");

        exit.Should().Be(2);
        output.Should().Contain("--data").And.Contain("--demo");
    }

    [Fact]
    public async Task Backtest_TestFromOutsideData_FailsWithCode2NamingTheRange()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--test-from", "1999-01-01");

        exit.Should().Be(2);
        output.Should().Contain("--test-from").And.Contain("runs from");
    }

    [Fact]
    public async Task Backtest_Svg_DrawsActualAndForecastForTheChosenSensor()
    {
        using var dir = new TempDirectory();
        var svg = dir.File("chart.svg");

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "seasonal-naive-week", "--svg", svg, "--svg-sensor", "syn-002");

        exit.Should().Be(0, output);
        var text = await File.ReadAllTextAsync(svg);
        text.Should().StartWith("<svg").And.Contain("sensor syn-002");
        System.Text.RegularExpressions.Regex.Matches(text, "<path d=\"M").Count.Should().BeGreaterThanOrEqualTo(2);
        text.Should().Contain(">persons per ", "the axis names the unit of the demo's pedestrian counts");
        text.Should().Contain("<title>80 % interval</title>").And.Contain("<title>95 % interval</title>", "the forecast's intervals are drawn as bands");
        System.Text.RegularExpressions.Regex.Matches(text, "<polygon points=").Count.Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Backtest_SvgForUnknownSensor_FailsWithCode2()
    {
        using var dir = new TempDirectory();

        var (exit, output) = await CliRunner.RunAsync("backtest", "--demo", "--model", "seasonal-naive-week", "--svg", dir.File("c.svg"), "--svg-sensor", "nope");

        exit.Should().Be(2);
        output.Should().Contain("nope");
    }

    [Fact]
    public async Task Backtest_Help_DescribesEveryOption()
    {
        var (exit, output) = await CliRunner.RunAsync("backtest", "--help");

        exit.Should().Be(0);
        foreach (var option in new[] { "--data", "--model", "--test-from", "--protocol", "--horizon", "--json", "--svg" })
        {
            output.Should().Contain(option);
        }
    }
}

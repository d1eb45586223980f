using System.Text.Json;

namespace Surgewatch.Cli.Tests.Backtest;

public sealed class BacktestRefitTest
{
    // 60 days from 2024-01-01 (to 2024-02-29), tested from 2024-02-01: 29 days, so five weekly refit points.
    private static readonly string[] Common = ["backtest", "--test-from", "2024-02-01", "--model", "seasonal-naive-week", "--protocol", "rolling", "--horizon", "2"];

    [Fact]
    public async Task Backtest_RefitEverySevenDays_FitsOncePerWeekAndSaysSoInTheJson()
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);
        var json = dir.File("refit.json");
        var pairs = dir.File("pairs.csv");

        var (exit, output) = await CliRunner.RunAsync([.. Common, "--data", data, "--refit-every", "7d", "--json", json, "--pairs", pairs]);

        exit.Should().Be(0, output);
        output.Should().Contain("5 fits, one every 7d");
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        doc.RootElement.GetProperty("refitEvery").GetString().Should().Be("7d");
        doc.RootElement.GetProperty("fits").GetInt32().Should().Be(5);
        var lines = await File.ReadAllLinesAsync(pairs);
        doc.RootElement.GetProperty("overall").GetProperty("n").GetInt64().Should().Be(lines.Length - 1, "the pairs of every fit are written");
    }

    [Fact]
    public async Task Backtest_RefitWithAModelThatLearnsNothing_HasTheErrorsOfOneFit()
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);

        var (exit1, output1) = await CliRunner.RunAsync([.. Common, "--data", data, "--no-intervals", "--json", dir.File("once.json")]);
        var (exit2, output2) = await CliRunner.RunAsync([.. Common, "--data", data, "--no-intervals", "--refit-every", "7d", "--json", dir.File("weekly.json")]);

        exit1.Should().Be(0, output1);
        exit2.Should().Be(0, output2);
        using var once = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("once.json")));
        using var weekly = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("weekly.json")));
        once.RootElement.GetProperty("refitEvery").ValueKind.Should().Be(JsonValueKind.Null);
        once.RootElement.GetProperty("fits").GetInt32().Should().Be(1);
        weekly.RootElement.GetProperty("overall").GetProperty("wape").GetDouble().Should().Be(once.RootElement.GetProperty("overall").GetProperty("wape").GetDouble());
    }

    [Theory]
    [InlineData("daily@03", "not an interval")]
    [InlineData("90m", "whole number")]
    [InlineData("soon", "24h, 90m or 7d")]
    public async Task Backtest_RefitEveryNotAnIntervalOfWholeSteps_FailsWithCode2(string every, string message)
    {
        using var dir = new TempDirectory();
        var data = await Data(dir);

        var (exit, output) = await CliRunner.RunAsync([.. Common, "--data", data, "--refit-every", every]);

        exit.Should().Be(2, output);
        output.Should().Contain("--refit-every").And.Contain(message);
    }

    [Theory]
    [InlineData("backtest")]
    [InlineData("evaluate-warnings")]
    public async Task Help_BacktestAndEvaluateWarnings_DescribeRefitEvery(string command)
    {
        var (exit, output) = await CliRunner.RunAsync(command, "--help");

        exit.Should().Be(0);
        output.Should().Contain("--refit-every").And.Contain("train --every");
    }

    private static async Task<string> Data(TempDirectory dir)
    {
        var data = dir.File("counts.csv");
        await File.WriteAllTextAsync(data, DataFiles.LongCsv(sensors: 2, days: 60));
        return data;
    }
}

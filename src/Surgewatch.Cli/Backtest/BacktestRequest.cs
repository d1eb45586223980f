using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Evaluation;

namespace Surgewatch.Cli.Backtest;

/// <summary>The options of one <c>surgewatch backtest</c> run, as given.</summary>
internal sealed record BacktestRequest(
    string? Data,
    bool Demo,
    string? Model,
    string? TestFrom,
    string Protocol,
    int Horizon,
    bool MaskZeros,
    FileInfo? Json,
    FileInfo? Svg,
    string? SvgSensor,
    string? SvgWeek)
{
    /// <summary>The holiday region for model features (<c>--holidays</c>), or null.</summary>
    public string? Holidays { get; init; }

    /// <summary>The events file or shipped name for model features (<c>--events</c>), or null.</summary>
    public string? Events { get; init; }

    /// <summary>Whether the models give prediction intervals (not <c>--no-intervals</c>).</summary>
    public bool Intervals { get; init; } = true;

    /// <summary>The last day of the test period (<c>--test-to</c>), or null for the end of the data.</summary>
    public string? TestTo { get; init; }

    /// <summary>The CSV file for every scored pair (<c>--pairs</c>), or null.</summary>
    public FileInfo? Pairs { get; init; }

    /// <summary>The refit interval (<c>--refit-every</c>), or null for one fit before the test period.</summary>
    public TimeSpan? RefitEvery { get; init; }

    /// <summary>The folder of fitted models (<c>--fit-cache</c>), or null.</summary>
    public DirectoryInfo? FitCache { get; init; }

    /// <summary>Days in the default test period.</summary>
    public const int DefaultTestDays = 28;

    /// <summary>Checks the options against the dataset and turns them into backtest options.</summary>
    public BacktestOptions ToOptions(Dataset dataset)
    {
        if (!BacktestProtocolNames.TryParse(Protocol, out var protocol))
        {
            throw new UserInputException($"--protocol '{Protocol}': use {string.Join(" or ", BacktestProtocolNames.All)}.");
        }

        if (Horizon < 1)
        {
            throw new UserInputException($"--horizon {Horizon}: it must be at least 1.");
        }

        var panel = dataset.Panel;
        var testFrom = TestFrom is { } text
            ? CliParsing.ParseLabel(text, "--test-from")
            : Core.Calendar.TimeLabel.FromDate(panel.LabelAt(panel.Length - 1).Date.AddDays(1 - DefaultTestDays));
        if (testFrom <= panel.Start || testFrom > panel.LabelAt(panel.Length - 1))
        {
            throw new UserInputException($"--test-from {testFrom}: it must fall inside the data, which runs from {panel.Start} to {panel.LabelAt(panel.Length - 1)}.");
        }

        if (RefitEvery is { } every && (every.Ticks % panel.Step.Ticks != 0))
        {
            throw new UserInputException($"--refit-every {CliParsing.FormatInterval(every)}: it must be a whole number of the data's {CliParsing.FormatInterval(panel.Step)} steps.");
        }

        return new BacktestOptions(protocol, testFrom) { Horizon = Horizon, MaskZeroActuals = MaskZeros, RefitEvery = RefitEvery };
    }
}

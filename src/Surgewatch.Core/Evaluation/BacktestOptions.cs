using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Evaluation;

/// <summary>How a backtest is run.</summary>
/// <param name="Protocol">Which forecasts are issued.</param>
/// <param name="TestFrom">The first label of the test period; the model is fitted on the slots before it (and, with <see cref="RefitEvery"/>, again during it).</param>
public sealed record BacktestOptions(BacktestProtocol Protocol, TimeLabel TestFrom)
{
    /// <summary>Steps ahead of each rolling forecast (≥ 1). Day-ahead forecasts always cover one day of slots.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>Also mask pairs whose actual is zero, for data where 0 marks a missing reading (METR-LA speeds).</summary>
    public bool MaskZeroActuals { get; init; }

    /// <summary>
    /// Fit the model again every this long over the test period, on every slot before each refit point, as a deployment
    /// that retrains on this cadence would (<see cref="Refitting.RefitSchedule"/>); null (the default): fit once before it.
    /// It must be a whole number of the panel's steps.
    /// </summary>
    public TimeSpan? RefitEvery { get; init; }

    /// <summary>How many series are scored at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;
}

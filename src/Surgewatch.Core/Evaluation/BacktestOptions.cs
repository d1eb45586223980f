using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Evaluation;

/// <summary>How a backtest is run.</summary>
/// <param name="Protocol">Which forecasts are issued.</param>
/// <param name="TestFrom">The first label of the test period; the model is fitted on the slots before it.</param>
public sealed record BacktestOptions(BacktestProtocol Protocol, TimeLabel TestFrom)
{
    /// <summary>Steps ahead of each rolling forecast (≥ 1). Day-ahead forecasts always cover one day of slots.</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>Also mask pairs whose actual is zero, for data where 0 marks a missing reading (METR-LA speeds).</summary>
    public bool MaskZeroActuals { get; init; }

    /// <summary>How many series are scored at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;
}

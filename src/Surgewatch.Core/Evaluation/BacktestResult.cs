using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Evaluation;

/// <summary>What a backtest measured.</summary>
/// <param name="Dataset">The dataset's name, as the caller gave it.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Protocol">The protocol's command-line name (<c>rolling</c> or <c>day-ahead</c>).</param>
/// <param name="TestFrom">The first label of the test period.</param>
/// <param name="Horizons">The errors per step ahead, h = 1 … H.</param>
/// <param name="Overall">The errors over every pair of every horizon.</param>
/// <param name="FitSeconds">Time spent fitting the model (every fit, with refits).</param>
/// <param name="PredictSeconds">Wall time spent forecasting from every origin and scoring the forecasts.</param>
public sealed record BacktestResult(
    string Dataset,
    string Model,
    string Protocol,
    TimeLabel TestFrom,
    IReadOnlyList<HorizonMetrics> Horizons,
    ErrorMetrics Overall,
    double FitSeconds,
    double PredictSeconds)
{
    /// <summary>
    /// The errors pooled over steps 1 … h, one entry per h: entry h − 1 sums the pairs of <see cref="Horizons"/>
    /// 1 to h, so its RMSE is the root of their mean squared error, not a mean of RMSEs. This is how a
    /// sequence-to-sequence model is usually scored ("the next hour" as one block); T-GCN's published Los-loop
    /// figures at 15/30/45/60 minutes are of this kind (steps 1–3, 1–6, 1–9, 1–12). The last entry equals
    /// <see cref="Overall"/> apart from coverage, which is reported per horizon and overall only.
    /// </summary>
    public IReadOnlyList<HorizonMetrics> UpTo { get; init; } = [];

    /// <summary>How many times the model was fitted: 1, or with <see cref="BacktestOptions.RefitEvery"/> one per refit segment that issues a forecast.</summary>
    public int Fits { get; init; } = 1;

    /// <summary>The refit interval of <see cref="BacktestOptions.RefitEvery"/>; null for one fit.</summary>
    public TimeSpan? RefitEvery { get; init; }
}

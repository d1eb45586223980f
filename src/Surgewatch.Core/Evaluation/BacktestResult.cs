using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Evaluation;

/// <summary>What a backtest measured.</summary>
/// <param name="Dataset">The dataset's name, as the caller gave it.</param>
/// <param name="Model">The model's name.</param>
/// <param name="Protocol">The protocol's command-line name (<c>rolling</c> or <c>day-ahead</c>).</param>
/// <param name="TestFrom">The first label of the test period.</param>
/// <param name="Horizons">The errors per step ahead, h = 1 … H.</param>
/// <param name="Overall">The errors over every pair of every horizon.</param>
/// <param name="FitSeconds">Time spent fitting the model.</param>
/// <param name="PredictSeconds">Wall time spent forecasting from every origin and scoring the forecasts.</param>
public sealed record BacktestResult(
    string Dataset,
    string Model,
    string Protocol,
    TimeLabel TestFrom,
    IReadOnlyList<HorizonMetrics> Horizons,
    ErrorMetrics Overall,
    double FitSeconds,
    double PredictSeconds);

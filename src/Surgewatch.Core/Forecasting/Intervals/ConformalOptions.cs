namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>How <see cref="ConformalModel"/> calibrates its intervals.</summary>
public sealed record ConformalOptions
{
    /// <summary>The default levels: 80 % and 95 %.</summary>
    public static IReadOnlyList<double> DefaultLevels { get; } = [0.8, 0.95];

    /// <summary>The nominal levels, narrowest first.</summary>
    public IReadOnlyList<double> Levels { get; init; } = DefaultLevels;

    /// <summary>The longest calibration window, held out at the end of the training window.</summary>
    public TimeSpan CalibrationWindow { get; init; } = TimeSpan.FromDays(91);

    /// <summary>The shortest calibration window whose residuals are split by the target's hour of day; shorter ones are pooled over the day.</summary>
    public TimeSpan MinWindowByHour { get; init; } = TimeSpan.FromDays(14);

    /// <summary>The largest share of the training window the calibration window may take.</summary>
    public double MaxCalibrationShare { get; init; } = 0.2;

    /// <summary>The most (origin, series, horizon) residuals gathered; origins are thinned evenly to stay under it.</summary>
    public int MaxResiduals { get; init; } = 2_000_000;

    /// <summary>
    /// Refit the point model on the whole training window after calibrating (so the point forecasts are those of the
    /// model fitted without holding out); false keeps the model fitted before the calibration window, which fits once.
    /// </summary>
    public bool Refit { get; init; } = true;

    /// <summary>How many series are calibrated at once.</summary>
    public int MaxDegreeOfParallelism { get; init; } = 2;
}

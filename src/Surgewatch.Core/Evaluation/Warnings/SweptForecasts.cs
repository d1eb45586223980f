namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The forecasts a warning evaluation scores: out of sample over the calibration window (the model fitted on the data
/// before it) and over the test window (the model fitted on all data before the test period, or with refits on all data
/// before each refit point: see <see cref="Refits"/>).
/// </summary>
/// <param name="Calibration">Forecasts over the calibration window before the test period.</param>
/// <param name="Test">Forecasts over the test window.</param>
/// <param name="FitTime">Time spent fitting.</param>
/// <param name="PredictTime">Time spent forecasting.</param>
public sealed record SweptForecasts(ForecastTable Calibration, ForecastTable Test, TimeSpan FitTime, TimeSpan PredictTime)
{
    /// <summary>
    /// The refit points after the test start, in order, each with the forecasts over its own calibration window: from
    /// each point on, the test forecasts are issued by the model fitted on all data before it, and the rule is calibrated
    /// again on those forecasts (<see cref="Refitting.RefitSchedule"/>). Empty for one fit.
    /// </summary>
    public IReadOnlyList<RefitCalibration> Refits { get; init; } = [];

    /// <summary>How many times the model was fitted (2 for one fit: before the calibration window and before the test).</summary>
    public int Fits { get; init; } = 2;

    /// <summary>The refit schedule the forecasts were issued on: one segment per refit point.</summary>
    /// <exception cref="ArgumentException">The refit points are not evenly spaced from the test start to its end.</exception>
    public Refitting.RefitSchedule Schedule()
    {
        if (Refits.Count == 0)
        {
            return Refitting.RefitSchedule.Once(Test.From);
        }

        var schedule = Refitting.RefitSchedule.Every(Test.From, Test.To, Refits[0].Point - Test.From);
        if (!schedule.Points.SequenceEqual([Test.From, .. Refits.Select(r => r.Point)]))
        {
            throw new ArgumentException($"The refit points must be evenly spaced from the test start ({Test.From}) to its end ({Test.To}).");
        }

        return schedule;
    }

    /// <summary>The calibration forecasts of every segment, the first one's included, in order.</summary>
    public IReadOnlyList<ForecastTable> Calibrations() => [Calibration, .. Refits.Select(r => r.Calibration)];
}

/// <summary>A refit point of a warning evaluation and the out-of-sample forecasts over the calibration weeks before it.</summary>
/// <param name="Point">The refit point (panel slot).</param>
/// <param name="Calibration">Forecasts over the weeks before <paramref name="Point"/>, by the model fitted before those weeks.</param>
public sealed record RefitCalibration(int Point, ForecastTable Calibration);

using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>The outcome of <see cref="WarningEvaluator.Run"/>.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Score">The figures.</param>
/// <param name="Thresholds">Each sensor's surge threshold (NaN when not evaluated).</param>
/// <param name="Calibration">The upper-bound margins used.</param>
/// <param name="FitTime">Time spent fitting (both fits).</param>
/// <param name="PredictTime">Time spent forecasting (calibration and test).</param>
public sealed record WarningEvaluation(string Model, WarningScore Score, IReadOnlyList<double> Thresholds, UpperBoundCalibration Calibration, TimeSpan FitTime, TimeSpan PredictTime);

/// <summary>
/// Measures the warning quality of a forecast model with the product's forecast rule: a slot is warned about when the
/// upper bound of the 90% interval of a forecast reaches the sensor's surge threshold, from the live rule (every slot,
/// the next few slots) or the day-ahead briefing. The upper bound is calibrated out of sample: the model is fitted on
/// the data before the calibration window, the window's errors give the margins, and the model is then fitted again on
/// all data before the test period.
/// </summary>
public sealed class WarningEvaluator(TimeProvider time)
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="panel"/> from slot <paramref name="testStart"/>.</summary>
    /// <exception cref="ArgumentException">The test start leaves no room for the calibration window.</exception>
    public WarningEvaluation Run(SeriesPanel panel, IForecastModel model, int testStart, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        options = options.Validated();
        var calibrationStart = testStart - (int)(TimeSpan.FromDays(7 * options.CalibrationWeeks) / panel.Step);
        if (calibrationStart <= 0 || testStart >= panel.Length)
        {
            throw new ArgumentException($"The test period must start after {options.CalibrationWeeks} weeks of calibration data and before the panel ends.", nameof(testStart));
        }

        var thresholds = SurgeThresholds.Compute(panel, testStart, options.Percentile, options.MinimumDays);
        var clock = new Clock(time);
        var calibration = Calibrate(panel, model, calibrationStart, testStart, thresholds, options, clock, cancellationToken);
        progress?.Report(0.3);
        var forecaster = clock.Fit(() => model.Fit(panel, testStart, cancellationToken));
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        clock.Predict(() => ForecastSweep.Run(forecaster, panel, testStart, panel.Length, options, progress, (s, issue, target, kind, point) =>
        {
            if (!double.IsNaN(thresholds[s]) && calibration.Upper(s, kind, point) >= thresholds[s])
            {
                flags.Flag(s, target, issue);
            }
        }, cancellationToken));

        var score = WarningScorer.Score(panel, testStart, thresholds, flags);
        return new WarningEvaluation(model.Name, score, thresholds, calibration, clock.FitTime, clock.PredictTime);
    }

    private static UpperBoundCalibration Calibrate(
        SeriesPanel panel, IForecastModel model, int from, int to, double[] thresholds, WarningEvaluationOptions options, Clock clock, CancellationToken cancellationToken)
    {
        var forecaster = clock.Fit(() => model.Fit(panel, from, cancellationToken));
        UpperBoundCalibration? calibration = null;
        clock.Predict(() => calibration = UpperBoundCalibration.Calibrate(panel, forecaster, from, to, thresholds, options, cancellationToken));
        return calibration!;
    }

    private sealed class Clock(TimeProvider time)
    {
        public TimeSpan FitTime { get; private set; }

        public TimeSpan PredictTime { get; private set; }

        public IForecaster Fit(Func<IForecaster> fit)
        {
            var start = time.GetTimestamp();
            var forecaster = fit();
            FitTime += time.GetElapsedTime(start);
            return forecaster;
        }

        public void Predict(Action predict)
        {
            var start = time.GetTimestamp();
            predict();
            PredictTime += time.GetElapsedTime(start);
        }
    }
}

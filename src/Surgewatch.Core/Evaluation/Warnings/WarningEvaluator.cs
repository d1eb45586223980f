using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>The outcome of <see cref="WarningEvaluator.Run"/>.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Score">The figures.</param>
/// <param name="Thresholds">Each sensor's surge threshold (NaN when not evaluated).</param>
/// <param name="Rule">The warning rule used.</param>
/// <param name="FitTime">Time spent fitting (both fits).</param>
/// <param name="PredictTime">Time spent forecasting (calibration and test).</param>
/// <param name="Briefing">Exceedance rule: the day-ahead briefing's own warnings scored alone, before withdrawal (null for the upper-bound rule).</param>
/// <param name="BySensor">The figures of each evaluated sensor alone (empty when not computed).</param>
public sealed record WarningEvaluation(
    string Model,
    WarningScore Score,
    IReadOnlyList<double> Thresholds,
    WarningRuleKind Rule,
    TimeSpan FitTime,
    TimeSpan PredictTime,
    WarningScore? Briefing = null,
    IReadOnlyList<SensorWarningScore>? BySensor = null);

/// <summary>
/// The forecasts a warning evaluation scores: out of sample over the calibration window (the model fitted on the data
/// before it) and over the test window (the model fitted on all data before the test period).
/// </summary>
/// <param name="Calibration">Forecasts over the calibration window.</param>
/// <param name="Test">Forecasts over the test window.</param>
/// <param name="FitTime">Time spent fitting.</param>
/// <param name="PredictTime">Time spent forecasting.</param>
public sealed record SweptForecasts(ForecastTable Calibration, ForecastTable Test, TimeSpan FitTime, TimeSpan PredictTime);

/// <summary>
/// Measures the warning quality of a forecast model with the product's warning rule, from the live rule (every slot,
/// the next few slots) and the day-ahead briefing. The rule is calibrated out of sample: the model is fitted on the
/// data before the calibration window and forecasts it, which calibrates the rule (exceedance probabilities or
/// upper-bound margins); the model is then fitted again on all data before the test period and forecasts the test
/// window. The forecasting (<see cref="Sweep"/>) and the scoring (<see cref="Score"/>) are separate so that rule
/// settings can be compared on the same forecasts.
/// </summary>
public sealed class WarningEvaluator(TimeProvider time)
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="panel"/> from slot <paramref name="testStart"/> to the end.</summary>
    /// <exception cref="ArgumentException">The test start leaves no room for the calibration window.</exception>
    public WarningEvaluation Run(SeriesPanel panel, IForecastModel model, int testStart, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        var forecasts = Sweep(panel, model, testStart, panel.Length, options, progress, cancellationToken);
        return Score(panel, model.Name, forecasts, options);
    }

    /// <summary>Fits and forecasts the calibration window and the test window <paramref name="testStart"/> to <paramref name="testEnd"/>.</summary>
    /// <exception cref="ArgumentException">The test window leaves no room for the calibration window or is empty.</exception>
    public SweptForecasts Sweep(
        SeriesPanel panel, IForecastModel model, int testStart, int testEnd, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var calibrationStart = CalibrationStart(panel, testStart, options);
        if (calibrationStart <= 0 || testStart >= panel.Length || testEnd <= testStart || testEnd > panel.Length)
        {
            throw new ArgumentException($"The test period must start after {options.CalibrationWeeks} weeks of calibration data, end after it starts and not after the panel ends.", nameof(testStart));
        }

        var clock = new Clock(time);
        var early = clock.Fit(() => model.Fit(panel, calibrationStart, cancellationToken));
        var calibration = clock.Predict(() => ForecastTable.Sweep(early, panel, calibrationStart, testStart, options, null, cancellationToken));
        progress?.Report(0.3);
        var forecaster = clock.Fit(() => model.Fit(panel, testStart, cancellationToken));
        var test = clock.Predict(() => ForecastTable.Sweep(forecaster, panel, testStart, testEnd, options, progress, cancellationToken));
        return new SweptForecasts(calibration, test, clock.FitTime, clock.PredictTime);
    }

    /// <summary>Applies the rule of <paramref name="options"/> to <paramref name="forecasts"/> and scores it on their test window.</summary>
    public static WarningEvaluation Score(SeriesPanel panel, string model, SweptForecasts forecasts, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var (calibration, test) = (forecasts.Calibration, forecasts.Test);
        // The exceedance rule is built exactly as a deployment builds it when it trains (Live.SurgeRule).
        var rule = options.Rule == WarningRuleKind.Exceedance ? Live.SurgeRule.FromCalibration(panel, calibration, options) : null;
        var thresholds = rule?.Thresholds ?? SurgeThresholds.Compute(panel, test.From, options.Percentile, options.MinimumDays);
        var exceedance = rule?.Calibration;
        var flags = exceedance is not null
            ? ExceedanceRule.Flag(panel, test, thresholds, exceedance, options)
            : UpperBoundFlags(panel, calibration, test, thresholds, options);
        var briefing = exceedance is null || !options.DayAhead
            ? null
            : WarningScorer.Score(panel, test.From, test.To, thresholds, ExceedanceRule.Briefing(panel, test, thresholds, exceedance, options));
        KeepFiring(panel, flags, test, options);
        var (score, bySensor) = WarningScorer.ScoreWithSensors(panel, test.From, test.To, thresholds, flags);
        return new WarningEvaluation(model, score, thresholds, options.Rule, forecasts.FitTime, forecasts.PredictTime, briefing, bySensor);
    }

    /// <summary>
    /// The warnings of the exceedance rule over the test window of <paramref name="forecasts"/>, keep-firing included:
    /// what <see cref="Score"/> scores, for comparing with the live monitor's (<see cref="Live.SurgeMonitor"/>).
    /// </summary>
    public static WarningFlags Flags(SeriesPanel panel, SweptForecasts forecasts, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecasts);
        var rule = Live.SurgeRule.FromCalibration(panel, forecasts.Calibration, options);
        var flags = ExceedanceRule.Flag(panel, forecasts.Test, rule.Thresholds, rule.Calibration, rule.Options);
        KeepFiring(panel, flags, forecasts.Test, rule.Options);
        return flags;
    }

    private static void KeepFiring(SeriesPanel panel, WarningFlags flags, ForecastTable test, WarningEvaluationOptions options)
    {
        var keep = options.KeepFiringHours * SlotCalendar.StepsPerHour(panel.Step);
        for (var s = 0; s < panel.Sensors.Count && keep > 0; s++)
        {
            flags.KeepFiring(s, keep, test.From, test.To);
        }
    }

    /// <summary>The first slot of the calibration window before <paramref name="testStart"/> (at most zero when there is no room).</summary>
    public static int CalibrationStart(SeriesPanel panel, int testStart, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(options);
        return testStart - (int)(TimeSpan.FromDays(7 * options.CalibrationWeeks) / panel.Step);
    }

    private static WarningFlags UpperBoundFlags(SeriesPanel panel, ForecastTable calibration, ForecastTable test, double[] thresholds, WarningEvaluationOptions options)
    {
        var margins = UpperBoundCalibration.FromTable(panel, calibration, thresholds, options.UpperQuantile);
        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        for (var k = 0; k < test.Kinds; k++)
        {
            for (var s = 0; s < test.Series; s++)
            {
                for (var t = test.From; t < test.To && !double.IsNaN(thresholds[s]); t++)
                {
                    var point = test[k, s, t];
                    if (!double.IsNaN(point) && margins.Upper(s, k, point) >= thresholds[s])
                    {
                        flags.Flag(s, t, ForecastTable.IssueSlot(panel, k, t));
                    }
                }
            }
        }

        return flags;
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

        public ForecastTable Predict(Func<ForecastTable> predict)
        {
            var start = time.GetTimestamp();
            var table = predict();
            PredictTime += time.GetElapsedTime(start);
            return table;
        }
    }
}

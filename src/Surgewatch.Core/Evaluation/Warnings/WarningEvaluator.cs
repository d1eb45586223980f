using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>The outcome of <see cref="WarningEvaluator.Run"/>.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Score">The figures.</param>
/// <param name="Thresholds">Each sensor's surge threshold (NaN when not evaluated).</param>
/// <param name="Rule">The warning rule used.</param>
/// <param name="FitTime">Time spent fitting (both fits, or every fit with refits).</param>
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
    IReadOnlyList<SensorWarningScore>? BySensor = null)
{
    /// <summary>How many times the model was fitted (<see cref="SweptForecasts.Fits"/>).</summary>
    public int Fits { get; init; } = 2;

    /// <summary>The congestion rule's figures (<see cref="WarningEvaluationOptions.Congestion"/>): <see cref="Score"/> is their shared part; null for the surge rule.</summary>
    public CongestionScore? Congestion { get; init; }
}

/// <summary>
/// Measures the warning quality of a forecast model with the product's warning rule, from the live rule (every slot,
/// the next few slots) and the day-ahead briefing. The rule is calibrated out of sample: the model is fitted on the
/// data before the calibration window and forecasts it, which calibrates the rule (exceedance probabilities or
/// upper-bound margins); the model is then fitted again on all data before the test period and forecasts the test
/// window. With a refit interval both happen again at every refit point of the test window, as a deployment that
/// retrains on that cadence trains and calibrates its rule each time (see the <see cref="Sweep(SeriesPanel, IForecastModel, int, int, WarningEvaluationOptions, TimeSpan?, IProgress{double}?, CancellationToken)"/>
/// overload with the interval). The forecasting (<see cref="Sweep(SeriesPanel, IForecastModel, int, int, WarningEvaluationOptions, IProgress{double}?, CancellationToken)"/>)
/// and the scoring (<see cref="Score"/>) are separate so that rule settings can be compared on the same forecasts.
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
        SeriesPanel panel, IForecastModel model, int testStart, int testEnd, WarningEvaluationOptions options, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Sweep(panel, model, testStart, testEnd, options, null, progress, cancellationToken);

    /// <summary>
    /// Fits and forecasts as a deployment that trains every <paramref name="refitEvery"/> would (null: once, before the
    /// test window). At each refit point <c>R</c> of <see cref="RefitSchedule"/> it does what training does at <c>R</c>
    /// (<c>ModelTrainer</c>): the model is fitted on all data before <c>R</c> and issues the test forecasts until the
    /// next point, and, fitted on the data before the calibration weeks that end at <c>R</c>, it forecasts those weeks
    /// for the rule's calibration (<see cref="Score"/> calibrates one rule per point). A fit already made at the same
    /// training end is reused rather than repeated (with a 7-day cadence and 8 calibration weeks, the calibration fit of
    /// point i is the test fit of point i − 8): fitting is deterministic, so the forecasts are the same.
    /// </summary>
    /// <exception cref="ArgumentException">The test window leaves no room for the calibration window or is empty, or the interval is not a whole number of the panel's steps.</exception>
    public SweptForecasts Sweep(
        SeriesPanel panel, IForecastModel model, int testStart, int testEnd, WarningEvaluationOptions options, TimeSpan? refitEvery, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        if (CalibrationStart(panel, testStart, options) <= 0 || testStart >= panel.Length || testEnd <= testStart || testEnd > panel.Length)
        {
            throw new ArgumentException($"The test period must start after {options.CalibrationWindow.TotalDays:0} days of calibration data, end after it starts and not after the panel ends.", nameof(testStart));
        }

        var schedule = RefitSchedule.For(panel, testStart, testEnd, refitEvery);
        var clock = new Clock(time);
        var fits = new Fits(model, panel, clock, Reused(panel, schedule, options), cancellationToken);
        var test = new ForecastTable(options.RollingHorizon + 1, panel.Sensors.Count, testStart, testEnd);
        var calibrations = new ForecastTable[schedule.Count];
        for (var i = 0; i < schedule.Count; i++)
        {
            var point = schedule.Points[i];
            var calibrationStart = CalibrationStart(panel, point, options);
            var early = fits.At(calibrationStart);
            calibrations[i] = clock.Predict(() => ForecastTable.Sweep(early, panel, calibrationStart, point, options, null, cancellationToken));
            var forecaster = fits.At(point);
            clock.Predict(() => test.Fill(forecaster, panel, schedule.IssueRange(i), options, progress, cancellationToken));
        }

        return new SweptForecasts(calibrations[0], test, clock.FitTime, clock.PredictTime)
        {
            Refits = [.. schedule.Points.Skip(1).Select((point, i) => new RefitCalibration(point, calibrations[i + 1]))],
            Fits = fits.Count,
        };
    }

    /// <summary>Applies the rule of <paramref name="options"/> to <paramref name="forecasts"/> and scores it on their test window.</summary>
    /// <remarks>
    /// With refits the rule is calibrated again at every refit point, as training does, from that point's calibration
    /// forecasts (thresholds from the readings before the point, exceedance distributions or upper-bound margins from the
    /// forecasts); each forecast is judged by the rule in force when it was issued. A slot is a surge when it is above
    /// the thresholds in force at that slot, as the deployed rule defines a surge then (see
    /// <see cref="WarningScorer.ScoreWithSensors(SeriesPanel, int, int, RefitSchedule, IReadOnlyList{double[]}, WarningFlags)"/>),
    /// so a cadence is scored on its own surges: thresholds that rise as a counter's history grows make fewer of them.
    /// The sensors evaluated, and the thresholds reported, are those of the test start. With
    /// <paramref name="recalibrateRule"/> false the rule of the test start is kept throughout and only the model is
    /// refitted: the surges are then those of one fit, which shows what refitting the model alone changes.
    /// </remarks>
    public static WarningEvaluation Score(SeriesPanel panel, string model, SweptForecasts forecasts, WarningEvaluationOptions options, bool recalibrateRule = true)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(options);
        options = options.Validated();
        var test = forecasts.Test;
        var schedule = forecasts.Schedule();
        // Without re-calibration every segment keeps the rule of the test start (only the model is refitted).
        var calibrations = recalibrateRule ? forecasts.Calibrations() : [.. Enumerable.Repeat(forecasts.Calibration, schedule.Count)];
        if (options.Congestion is { } road)
        {
            return ScoreCongestion(panel, model, forecasts, calibrations, options, road);
        }

        var rules = options.Rule == WarningRuleKind.Exceedance ? Rules(panel, calibrations, options) : null;
        double[][] thresholds = rules is not null
            ? [.. rules.Select(r => r.Thresholds)]
            : [.. calibrations.Select(c => SurgeThresholds.Compute(panel, c.To, options.Percentile, options.MinimumDays))];
        var flags = rules is not null
            ? ExceedanceRule.Flag(panel, test, schedule, rules)
            : UpperBoundFlags(panel, schedule, thresholds, calibrations, test, options);
        var briefing = rules is null || !options.DayAhead
            ? null
            : WarningScorer.ScoreWithSensors(panel, test.From, test.To, schedule, thresholds, ExceedanceRule.Briefing(panel, test, schedule, rules)).Total;
        KeepFiring(panel, flags, test, options);
        var (score, bySensor) = WarningScorer.ScoreWithSensors(panel, test.From, test.To, schedule, thresholds, flags);
        return new WarningEvaluation(model, score, thresholds[0], options.Rule, forecasts.FitTime, forecasts.PredictTime, briefing, bySensor) { Fits = forecasts.Fits };
    }

    /// <summary>
    /// The congestion rule (<see cref="CongestionRule"/>) scored against congestion onsets: the sensors evaluated are
    /// those with a free flow at the test start, onsets are judged against that free flow, and each issue slot is
    /// decided by the rule in force then.
    /// </summary>
    private static WarningEvaluation ScoreCongestion(
        SeriesPanel panel, string model, SweptForecasts forecasts, IReadOnlyList<ForecastTable> calibrations, WarningEvaluationOptions options, CongestionRuleOptions road)
    {
        if (options.Rule != WarningRuleKind.Exceedance)
        {
            throw new ArgumentException("The congestion rule is a calibrated-probability rule; the upper-bound rule does not apply to road speeds.", nameof(options));
        }

        var test = forecasts.Test;
        var rules = PerSegment(calibrations, c => CongestionRule.FromCalibration(panel, c, options));

        var flags = CongestionRule.Flag(panel, test, forecasts.Schedule(), rules);
        var congestion = CongestionScorer.Score(panel, test.From, test.To, road.FreeFlows(panel, test.From), road.Ladder, road.Onsets, flags);
        return new WarningEvaluation(model, congestion.Score, rules[0].Thresholds, options.Rule, forecasts.FitTime, forecasts.PredictTime)
        {
            Fits = forecasts.Fits,
            Congestion = congestion,
        };
    }

    /// <summary>
    /// The warnings of the exceedance rule over the test window of <paramref name="forecasts"/>, keep-firing included:
    /// what <see cref="Score"/> scores (with refits, each forecast judged by the rule in force when it was issued), for comparing with the live monitor's (<see cref="Live.SurgeMonitor"/>).
    /// </summary>
    public static WarningFlags Flags(SeriesPanel panel, SweptForecasts forecasts, WarningEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(forecasts);
        var rules = Rules(panel, forecasts.Calibrations(), options);
        var flags = ExceedanceRule.Flag(panel, forecasts.Test, forecasts.Schedule(), rules);
        KeepFiring(panel, flags, forecasts.Test, rules[0].Options);
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
        return testStart - (int)(options.CalibrationWindow / panel.Step);
    }

    private static WarningFlags UpperBoundFlags(
        SeriesPanel panel, RefitSchedule schedule, double[][] thresholds, IReadOnlyList<ForecastTable> calibrations, ForecastTable test, WarningEvaluationOptions options)
    {
        var margins = new UpperBoundCalibration[schedule.Count];
        for (var i = 0; i < schedule.Count; i++)
        {
            margins[i] = UpperBoundCalibration.FromTable(panel, calibrations[i], thresholds[i], options.UpperQuantile);
        }

        var flags = new WarningFlags(panel.Sensors.Count, panel.Length);
        for (var k = 0; k < test.Kinds; k++)
        {
            for (var s = 0; s < test.Series; s++)
            {
                for (var t = test.From; t < test.To; t++)
                {
                    var issue = ForecastTable.IssueSlot(panel, k, t);
                    var i = schedule.SegmentOf(issue);
                    var point = test[k, s, t];
                    if (!double.IsNaN(point) && !double.IsNaN(thresholds[i][s]) && margins[i].Upper(s, k, point) >= thresholds[i][s])
                    {
                        flags.Flag(s, t, issue);
                    }
                }
            }
        }

        return flags;
    }

    /// <summary>
    /// The exceedance rule of each segment, built exactly as a deployment builds it when it trains
    /// (<see cref="SurgeRule.FromCalibration"/>); segments that share a calibration table share its rule.
    /// </summary>
    private static SurgeRule[] Rules(SeriesPanel panel, IReadOnlyList<ForecastTable> calibrations, WarningEvaluationOptions options) =>
        PerSegment(calibrations, c => SurgeRule.FromCalibration(panel, c, options));

    /// <summary>One rule per refit segment, built from its calibration table; segments that share a table share its rule.</summary>
    private static T[] PerSegment<T>(IReadOnlyList<ForecastTable> calibrations, Func<ForecastTable, T> build)
    {
        var rules = new T[calibrations.Count];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = i > 0 && ReferenceEquals(calibrations[i], calibrations[i - 1]) ? rules[i - 1] : build(calibrations[i]);
        }

        return rules;
    }

    /// <summary>
    /// The training ends whose fit serves twice: a refit point that is also the start of a later point's calibration
    /// window (the fit is kept from its first use to its second).
    /// </summary>
    private static HashSet<int> Reused(SeriesPanel panel, RefitSchedule schedule, WarningEvaluationOptions options)
    {
        var starts = schedule.Points.Select(p => CalibrationStart(panel, p, options)).ToHashSet();
        starts.IntersectWith(schedule.Points);
        return starts;
    }

    /// <summary>The fits of a sweep, each made once; a fit whose training end serves again later is kept until then.</summary>
    private sealed class Fits(IForecastModel model, SeriesPanel panel, Clock clock, HashSet<int> reused, CancellationToken cancellationToken)
    {
        private readonly Dictionary<int, IForecaster> _kept = [];

        public int Count { get; private set; }

        public IForecaster At(int trainEnd)
        {
            if (_kept.Remove(trainEnd, out var kept))
            {
                return kept;
            }

            var forecaster = clock.Fit(() => model.Fit(panel, trainEnd, cancellationToken));
            Count++;
            if (reused.Contains(trainEnd))
            {
                _kept[trainEnd] = forecaster;
            }

            return forecaster;
        }
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

        public void Predict(Action predict)
        {
            var start = time.GetTimestamp();
            predict();
            PredictTime += time.GetElapsedTime(start);
        }
    }
}

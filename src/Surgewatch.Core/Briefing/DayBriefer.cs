using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// The whole day-ahead pipeline, for the CLI and the server: fits <paramref name="model"/> on the data before a
/// calibration window, calibrates there (out of sample) the 90% upper bound and the exceedance probabilities of the
/// day-ahead warning rule (<see cref="ExceedanceCalibration"/>), fits again on all data before the day, forecasts the
/// day and builds the briefing per zone and per counter (per sensor without zones). A sensor's hours at risk are those whose
/// probability of reaching its surge threshold is at least the warning rule's day-ahead level
/// (<see cref="WarningEvaluationOptions.DayAheadProbability"/>), as <c>evaluate-warnings</c> measures it.
/// The other paths of a <see cref="BriefingPlan"/> are <see cref="Deployed"/>, <see cref="WeeklyProfile"/> and <see cref="Nothing"/>.
/// </summary>
/// <param name="model">The forecast model, such as gbm or historical-median-4w.</param>
/// <param name="calibrationWeeks">Weeks of calibration before the day (default 4); shortened when the data is shorter.</param>
public sealed class DayBriefer(IForecastModel model, int calibrationWeeks = 4)
{
    /// <summary>Surge thresholds of sensors need this many days of data; sensors with fewer are never at risk.</summary>
    public const int MinimumThresholdDays = 28;

    private static readonly WarningEvaluationOptions RuleOptions = new(RollingHorizon: 1);

    /// <summary>Briefs <paramref name="date"/> from <paramref name="panel"/>, per zone when <paramref name="zones"/> has any.</summary>
    /// <param name="panel">The observations (all of them, or at least several weeks before the day).</param>
    /// <param name="date">The day to brief: tomorrow, or any past day (only data before it is used).</param>
    /// <param name="zones">Zones; null or empty for a per-sensor briefing.</param>
    /// <param name="sensorNames">Display names per panel sensor: without zones, every sensor's (ids when null); with zones, the
    /// counters' to brief besides them (null for a sensor briefed only in its zone; no counters when the list is null).</param>
    /// <param name="cancellationToken">Cancels the fits.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data has no history before the day.</exception>
    public DayBriefing Brief(SeriesPanel panel, DateOnly date, IReadOnlyList<Zone>? zones, IReadOnlyList<string?>? sensorNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var trainEnd = DayForecast.TrainEnd(panel, date);
        var thresholds = SurgeThresholds.Compute(panel, trainEnd, 0.995, MinimumThresholdDays);
        var (calibration, exceedance) = Calibrate(panel, trainEnd, thresholds, cancellationToken);
        var forecaster = model.Fit(panel, trainEnd, cancellationToken);
        var day = DayForecast.Issue(panel, forecaster, calibration, exceedance, thresholds, date);
        return Build(day, panel, zones, sensorNames, thresholds, model.Name);
    }

    /// <summary>
    /// Briefs <paramref name="date"/> with a deployed model, loaded onto <paramref name="panel"/> without fitting: the
    /// upper bound is the upper end of its own 80% interval (the point without intervals), and a sensor's threshold
    /// and exceedance probabilities are those of the surge rule saved with it (none without a rule).
    /// </summary>
    /// <param name="panel">The observations, the model's sensors first (as the rule's series).</param>
    /// <param name="forecaster">The model loaded onto <paramref name="panel"/>.</param>
    /// <param name="rule">The surge rule saved with it, or null.</param>
    /// <param name="model">The model's name.</param>
    /// <param name="date">The day.</param>
    /// <param name="zones">Zones; null or empty for a per-sensor briefing.</param>
    /// <param name="sensorNames">Display names per panel sensor, as for <see cref="Brief"/>.</param>
    /// <param name="levels">
    /// On a model grid finer than an hour (<see cref="BriefingPanel.OnGrid"/>): per panel series, whether it is a level
    /// (its hour the mean of its slots) or a count (their sum); the briefing is still by hour, each hour at risk when one
    /// of its slots is.
    /// </param>
    public static DayBriefing Deployed(
        SeriesPanel panel, IForecaster forecaster, SurgeRule? rule, string model, DateOnly date, IReadOnlyList<Zone>? zones, IReadOnlyList<string?>? sensorNames, IReadOnlyList<bool>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var thresholds = new double[panel.Sensors.Count];
        Array.Fill(thresholds, Missing.Value);
        for (var s = 0; rule is not null && s < Math.Min(rule.Sensors.Count, thresholds.Length); s++)
        {
            // The rule's series are the model's sensors, which lead the panel; a sensor elsewhere has no threshold.
            thresholds[s] = rule.Sensors[s] == panel.Sensors[s] ? rule.Thresholds[s] : Missing.Value;
        }

        var day = DayForecast.Issue(panel, forecaster, null, rule?.Calibration, thresholds, date, levels);

        // A sensor's peak level compares an hour with the threshold: a count's hour holds several slots' worth.
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        var hourly = new double[thresholds.Length];
        for (var s = 0; s < hourly.Length; s++)
        {
            hourly[s] = levels is not null && s < levels.Count && levels[s] ? thresholds[s] : thresholds[s] * perHour;
        }

        var probability = rule?.Options.DayAheadProbability ?? RuleOptions.DayAheadProbability;
        return Build(day, panel, zones, sensorNames, hourly, model, probability);
    }

    /// <summary>
    /// Briefs <paramref name="date"/> from the weekly profile: for every hour, the median of the same weekday-hour over
    /// up to four earlier weeks (<see cref="HistoricalMedianModel"/>), without an upper bound (the forecast is its own
    /// bound) or exceedance probabilities, for a history too short to calibrate them.
    /// </summary>
    public static DayBriefing WeeklyProfile(SeriesPanel panel, DateOnly date, IReadOnlyList<Zone>? zones, IReadOnlyList<string?>? sensorNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var profile = new HistoricalMedianModel(4);
        var trainEnd = DayForecast.TrainEnd(panel, date);
        var thresholds = SurgeThresholds.Compute(panel, trainEnd, 0.995, MinimumThresholdDays);
        var none = UpperBoundCalibration.None(panel.Sensors.Count, RuleOptions.RollingHorizon + 1);
        var day = DayForecast.Issue(panel, profile.Fit(panel, trainEnd, cancellationToken), none, null, thresholds, date);
        return Build(day, panel, zones, sensorNames, thresholds, profile.Name);
    }

    /// <summary>A briefing without a forecast: every zone (or sensor) is there, with every figure missing.</summary>
    public static DayBriefing Nothing(SeriesPanel panel, DateOnly date, IReadOnlyList<Zone>? zones, IReadOnlyList<string?>? sensorNames)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var thresholds = new double[panel.Sensors.Count];
        Array.Fill(thresholds, Missing.Value);
        return Build(DayForecast.Empty(date, panel.Sensors.Count), panel, zones, sensorNames, thresholds, null) with { Method = BriefingMethod.None };
    }

    /// <summary>
    /// Zones first, then counters: without zones every sensor of the panel (named by <paramref name="sensorNames"/>, or
    /// by id); with zones, only the sensors <paramref name="sensorNames"/> names (a null name leaves one out).
    /// </summary>
    private static DayBriefing Build(DayForecast day, SeriesPanel panel, IReadOnlyList<Zone>? zones, IReadOnlyList<string?>? sensorNames, double[] thresholds, string? model, double? probability = null)
    {
        var hasZones = zones is { Count: > 0 };
        var names = sensorNames ?? (hasZones ? null : [.. panel.Sensors.Select(s => s.Value)]);
        var counters = names is null ? null : BriefingBuilder.ForSensors(day, panel, names, thresholds, model, probability ?? RuleOptions.DayAheadProbability);
        if (!hasZones)
        {
            return counters!;
        }

        var briefing = BriefingBuilder.ForZones(day, panel, zones!, model);
        return counters is null ? briefing : briefing with { Subjects = [.. briefing.Subjects, .. counters.Subjects] };
    }

    private (UpperBoundCalibration Upper, ExceedanceCalibration? Exceedance) Calibrate(SeriesPanel panel, int trainEnd, double[] thresholds, CancellationToken cancellationToken)
    {
        var window = (int)(TimeSpan.FromDays(7 * calibrationWeeks) / panel.Step);
        var from = Math.Max(trainEnd / 2, trainEnd - window);
        if (from <= 0 || from >= trainEnd)
        {
            return (UpperBoundCalibration.None(panel.Sensors.Count, RuleOptions.RollingHorizon + 1), null);
        }

        var early = model.Fit(panel, from, cancellationToken);
        var table = ForecastTable.Sweep(early, panel, from, trainEnd, RuleOptions, null, cancellationToken);
        return (UpperBoundCalibration.FromTable(panel, table, thresholds, RuleOptions.UpperQuantile),
            ExceedanceCalibration.Fit(panel, table, thresholds, RuleOptions.LevelEdges, RuleOptions.PoolSensors, RuleOptions.HourGroups, RuleOptions.SensorLevel, RuleOptions.SensorScale));
    }
}

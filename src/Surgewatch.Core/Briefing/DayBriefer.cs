using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// The whole day-ahead pipeline, for the CLI and the server: fits <paramref name="model"/> on the data before a
/// calibration window, calibrates there (out of sample) the 90% upper bound and the exceedance probabilities of the
/// day-ahead warning rule (<see cref="ExceedanceCalibration"/>), fits again on all data before the day, forecasts the
/// day and builds the briefing per zone (or per sensor without zones). A sensor's hours at risk are those whose
/// probability of reaching its surge threshold is at least the warning rule's day-ahead level
/// (<see cref="WarningEvaluationOptions.DayAheadProbability"/>), as <c>evaluate-warnings</c> measures it.
/// </summary>
/// <param name="model">The forecast model, such as gbm or historical-median-4w.</param>
/// <param name="calibrationWeeks">Weeks of calibration before the day (default 4); shortened when the data is shorter.</param>
public sealed class DayBriefer(IForecastModel model, int calibrationWeeks = 4)
{
    /// <summary>Surge thresholds of sensors need this many days of data; sensors with fewer are never at risk.</summary>
    public const int MinimumThresholdDays = 28;

    /// <summary>Briefs <paramref name="date"/> from <paramref name="panel"/>, per zone when <paramref name="zones"/> has any.</summary>
    /// <param name="panel">The observations (all of them, or at least several weeks before the day).</param>
    /// <param name="date">The day to brief: tomorrow, or any past day (only data before it is used).</param>
    /// <param name="zones">Zones; null or empty for a per-sensor briefing.</param>
    /// <param name="sensorNames">Display names per panel sensor, for a per-sensor briefing; ids when null.</param>
    /// <param name="cancellationToken">Cancels the fits.</param>
    /// <exception cref="ArgumentOutOfRangeException">The data has no history before the day.</exception>
    public DayBriefing Brief(SeriesPanel panel, DateOnly date, IReadOnlyList<Zone>? zones, IReadOnlyList<string>? sensorNames, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var trainEnd = DayForecast.TrainEnd(panel, date);
        var thresholds = SurgeThresholds.Compute(panel, trainEnd, 0.995, MinimumThresholdDays);
        var (calibration, exceedance) = Calibrate(panel, trainEnd, thresholds, cancellationToken);
        var forecaster = model.Fit(panel, trainEnd, cancellationToken);
        var day = DayForecast.Issue(panel, forecaster, calibration, exceedance, thresholds, date);
        if (zones is { Count: > 0 })
        {
            return BriefingBuilder.ForZones(day, panel, zones, model.Name);
        }

        var names = sensorNames ?? [.. panel.Sensors.Select(s => s.Value)];
        return BriefingBuilder.ForSensors(day, panel, names, thresholds, model.Name, RuleOptions.DayAheadProbability);
    }

    private static readonly WarningEvaluationOptions RuleOptions = new(RollingHorizon: 1);

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

using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The exceedance rule's thresholds and calibration in force over a test period: one set per refit segment of
/// <see cref="Schedule"/> (one set for one fit). A forecast is judged by the set in force at its issue slot.
/// </summary>
internal sealed class RulesInForce
{
    private readonly double[][] _thresholds;
    private readonly ExceedanceCalibration[] _calibrations;

    public RulesInForce(RefitSchedule schedule, double[][] thresholds, ExceedanceCalibration[] calibrations)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (thresholds.Length != schedule.Count || calibrations.Length != schedule.Count)
        {
            throw new ArgumentException($"Give one rule per refit segment: {schedule.Count}, not {thresholds.Length}.", nameof(thresholds));
        }

        (Schedule, _thresholds, _calibrations) = (schedule, thresholds, calibrations);
    }

    public RefitSchedule Schedule { get; }

    /// <summary>The rules of <paramref name="rules"/>, one per segment of <paramref name="schedule"/>.</summary>
    public static RulesInForce Of(RefitSchedule schedule, IReadOnlyList<SurgeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new(schedule, [.. rules.Select(r => r.Thresholds)], [.. rules.Select(r => r.Calibration)]);
    }

    /// <summary>Whether any rule has a threshold for <paramref name="series"/> (without one, it is never warned).</summary>
    public bool Warns(int series)
    {
        foreach (var thresholds in _thresholds)
        {
            if (!double.IsNaN(thresholds[series]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The probability that <paramref name="target"/> reaches its threshold, by
    /// the rule in force when the forecast of <paramref name="kind"/> for it was issued.
    /// </summary>
    public double Probability(SeriesPanel panel, int series, int kind, int target, double point, int hour)
    {
        var segment = Schedule.Count == 1 ? 0 : Schedule.SegmentOf(ForecastTable.IssueSlot(panel, kind, target));
        return _calibrations[segment].Probability(series, kind, point, _thresholds[segment][series], hour);
    }
}

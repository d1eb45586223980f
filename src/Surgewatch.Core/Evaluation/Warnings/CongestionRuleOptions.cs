using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The settings that turn the exceedance rule into the road congestion rule (<see cref="WarningEvaluationOptions.Congestion"/>):
/// a road sensor's threshold is its congested speed (the ladder's congested ratio of its free-flow speed), the rule
/// warns of readings <em>below</em> it (the calibrated probability that the slot is congested), and warnings are scored
/// against congestion onsets (<see cref="CongestionScorer"/>). One rule engine: only the threshold, the side of it and
/// the events differ from the counters' surge rule.
/// </summary>
/// <param name="Ladder">The congestion ladder (default 0.8 / 0.6 / 0.4).</param>
/// <param name="Onsets">What an onset is (default 15 min congested after 30 min free).</param>
/// <param name="FreeFlowPercentile">The percentile of known speeds taken as free flow (default 0.85).</param>
/// <param name="CalibrationDays">Days before the end of training on which the rule is calibrated, out of sample (default 1).</param>
public sealed record CongestionRuleOptions(CongestionLadder Ladder, OnsetOptions Onsets, double FreeFlowPercentile = FreeFlow.DefaultPercentile, int CalibrationDays = 1)
{
    /// <summary>The defaults.</summary>
    public static CongestionRuleOptions Default { get; } = new(CongestionLadder.Default, OnsetOptions.Default);

    /// <summary>
    /// Each sensor's free-flow speed from its readings before <paramref name="trainEnd"/> (NaN with fewer than a day of
    /// readings at the panel's step).
    /// </summary>
    public double[] FreeFlows(SeriesPanel panel, int trainEnd)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var speeds = new double[panel.Sensors.Count];
        var readingsPerDay = Math.Max(1, (int)(TimeSpan.FromDays(1) / panel.Step));
        for (var s = 0; s < speeds.Length; s++)
        {
            speeds[s] = FreeFlow.Estimate(panel.Values(s)[..Math.Min(trainEnd, panel.Length)], FreeFlowPercentile, readingsPerDay);
        }

        return speeds;
    }

    /// <summary>Each sensor's congested speed (its threshold): the congested ratio of its free flow; NaN without one.</summary>
    public double[] Thresholds(SeriesPanel panel, int trainEnd)
    {
        var speeds = FreeFlows(panel, trainEnd);
        for (var s = 0; s < speeds.Length; s++)
        {
            speeds[s] = speeds[s] > 0 ? Ladder.CongestedSpeed(speeds[s]) : Missing.Value;
        }

        return speeds;
    }
}

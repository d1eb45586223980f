using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>
/// The settings of the road congestion rule (<see cref="WarningEvaluationOptions.Congestion"/>, <see cref="CongestionRule"/>):
/// a road sensor's threshold is its congested speed (the ladder's congested ratio of its free-flow speed); the rule warns
/// when the calibrated probability that a road not congested now is congested within the window
/// (<see cref="WarningEvaluationOptions.RollingHorizon"/> slots) reaches <see cref="Probability"/>, and while a road is
/// observed congested; warnings are scored against congestion onsets (<see cref="CongestionScorer"/>). The defaults of
/// the init-only settings were chosen on Los-loop's validation day, 2012-03-05 (docs/benchmarks/history/roads.md).
/// </summary>
/// <param name="Ladder">The congestion ladder (default 0.8 / 0.6 / 0.4).</param>
/// <param name="Onsets">What an onset is (default 15 min congested after 30 min free).</param>
/// <param name="FreeFlowPercentile">The percentile of known speeds taken as free flow (default 0.85).</param>
/// <param name="CalibrationDays">Days before the end of training on which the rule is calibrated, out of sample (default 1).</param>
public sealed record CongestionRuleOptions(CongestionLadder Ladder, OnsetOptions Onsets, double FreeFlowPercentile = FreeFlow.DefaultPercentile, int CalibrationDays = 1)
{
    /// <summary>The defaults.</summary>
    public static CongestionRuleOptions Default { get; } = new(CongestionLadder.Default, OnsetOptions.Default);

    /// <summary>The rule warns when the probability of congestion within the window reaches this (default 0.1).</summary>
    public double Probability { get; init; } = 0.1;

    /// <summary>Edges of the bins of the lowest forecast speed over the window ÷ the congested speed (default 0.9, 1, 1.1, 1.2, 1.4).</summary>
    public IReadOnlyList<double> ForecastEdges { get; init; } = [0.9, 1.0, 1.1, 1.2, 1.4];

    /// <summary>Edges of the bins of the lowest same-kind-of-day profile speed over the window ÷ the congested speed (default as <see cref="ForecastEdges"/>).</summary>
    public IReadOnlyList<double> ProfileEdges { get; init; } = [0.9, 1.0, 1.1, 1.2, 1.4];

    /// <summary>Same-kind days the profile takes the median of (default 3).</summary>
    public int ProfileDays { get; init; } = Forecasting.DayKindProfile.DefaultDays;

    /// <summary>
    /// How many issue slots in a row the probability must reach <see cref="Probability"/> before the rule warns (the
    /// alert lifecycle's pending-for; default 2: at 5 minutes, the second issue in a row). A single slot's blip would
    /// otherwise warn a whole window and keep firing after it. An observed jam is warned at once.
    /// </summary>
    public int ConfirmSlots { get; init; } = 2;

    /// <summary>How long a warning stays on after its last warned slot (the alert lifecycle's keep-firing-for; default 30 min).</summary>
    public TimeSpan KeepFiring { get; init; } = TimeSpan.FromMinutes(30);

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

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>A jam a road's forecast holds: the slots from <paramref name="From"/> to before <paramref name="To"/>.</summary>
/// <param name="Sensor">The road sensor.</param>
/// <param name="From">The first forecast slot below the congested speed.</param>
/// <param name="To">The slot after the last.</param>
/// <param name="LowestSpeed">The lowest speed forecast in it.</param>
/// <param name="Level">The level of that lowest speed (congested or jammed).</param>
public readonly record struct ExpectedJam(SensorId Sensor, TimeLabel From, TimeLabel To, double LowestSpeed, CongestionLevel Level);

/// <summary>
/// The jams a road's forecast holds, as the briefing lists them: runs of forecast slots below the road's congested
/// speed lasting at least the congestion's shortest run (<see cref="OnsetOptions.MinRun"/>, 15 minutes), the same
/// definition of congestion the onsets and the congestion rule use.
/// </summary>
public static class ExpectedJams
{
    /// <summary>
    /// The jams in <paramref name="forecast"/> (slot i at <paramref name="first"/> + i × <paramref name="step"/>; NaN where
    /// none) of road <paramref name="sensor"/> with congested speed <paramref name="threshold"/> on <paramref name="ladder"/>;
    /// none without a congested speed.
    /// </summary>
    public static IReadOnlyList<ExpectedJam> Find(
        SensorId sensor, ReadOnlySpan<double> forecast, TimeLabel first, TimeSpan step, double threshold, CongestionLadder ladder, OnsetOptions onsets)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(onsets);
        var jams = new List<ExpectedJam>();
        if (double.IsNaN(threshold))
        {
            return jams;
        }

        var freeFlow = threshold / ladder.Congested;
        var minSlots = onsets.RunSlots(step);
        var start = -1;
        var lowest = double.PositiveInfinity;
        for (var i = 0; i <= forecast.Length; i++)
        {
            if (i < forecast.Length && CongestionRule.IsCongested(forecast[i], threshold))
            {
                start = start < 0 ? i : start;
                lowest = Math.Min(lowest, forecast[i]);
                continue;
            }

            if (start >= 0 && i - start >= minSlots)
            {
                jams.Add(new ExpectedJam(sensor, first + (step * start), first + (step * i), lowest, ladder.Of(lowest, freeFlow)));
            }

            start = -1;
            lowest = double.PositiveInfinity;
        }

        return jams;
    }
}

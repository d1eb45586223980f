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

    /// <summary>
    /// The jams that a forecast of every road (<paramref name="points"/>, sensor after sensor, <paramref name="horizon"/>
    /// slots each from <paramref name="first"/>) holds between <paramref name="from"/> and <paramref name="to"/>, on each
    /// road's congested speed under <paramref name="rule"/>, cut to that window; earliest first, then by road. Sensors the
    /// rule does not know are left out.
    /// </summary>
    public static IReadOnlyList<ExpectedJam> InWindow(
        IReadOnlyList<SensorId> sensors, ReadOnlySpan<double> points, int horizon, TimeLabel first, TimeSpan step, CongestionRule rule, TimeLabel from, TimeLabel to)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNotEqual(points.Length, sensors.Count * horizon, nameof(points));
        var roads = new Dictionary<SensorId, int>(rule.Sensors.Count);
        for (var i = 0; i < rule.Sensors.Count; i++)
        {
            roads.TryAdd(rule.Sensors[i], i);
        }

        var jams = new List<ExpectedJam>();
        for (var s = 0; s < sensors.Count; s++)
        {
            if (!roads.TryGetValue(sensors[s], out var road))
            {
                continue;
            }

            foreach (var jam in Find(sensors[s], points.Slice(s * horizon, horizon), first, step, rule.Thresholds[road], rule.Road.Ladder, rule.Road.Onsets))
            {
                if (jam.To > from && jam.From < to)
                {
                    jams.Add(jam with { From = jam.From < from ? from : jam.From, To = jam.To > to ? to : jam.To });
                }
            }
        }

        jams.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : string.CompareOrdinal(a.Sensor.Value, b.Sensor.Value));
        return jams;
    }
}

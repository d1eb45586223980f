using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>
/// Checks that the live surge warnings are the evaluated ones: replays a test period of a panel through the live
/// path (a <see cref="LivePanel"/> that receives each slot's readings when the slot has ended, a forecaster loaded
/// onto it, a <see cref="SurgeMonitor"/> issued once per slot) and lists its warning episodes, and lists the
/// evaluation's episodes of the same period from its flags. The two lists must be equal; the tests and the
/// benchmark on real data both compare them.
/// </summary>
public static class SurgeReplay
{
    /// <summary>
    /// The live monitor's episodes over slots <paramref name="testStart"/> to <paramref name="testEnd"/> of
    /// <paramref name="panel"/>: <paramref name="load"/> binds the deployed model to the live panel (as a server loads a
    /// saved model); the monitor starts issuing a day before the test period, as the evaluation forecasts.
    /// </summary>
    public static IReadOnlyList<WarningEpisode> Live(
        SeriesPanel panel, SurgeRule rule, Func<SeriesPanel, IForecaster> load, int testStart, int testEnd, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(load);
        var live = new LivePanel(panel.Sensors, panel.Step, panel.Start, testEnd + SlotCalendar.StepsPerDay(panel.Step));
        var forecaster = load(live.Panel);
        var monitor = new SurgeMonitor(rule) { SettleFrom = panel.LabelAt(testStart) };
        var warmFrom = Math.Max(1, testStart - SlotCalendar.StepsPerDay(panel.Step));
        for (var slot = 1; slot <= testEnd; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Release(panel, live, slot - 1);
            if (slot >= warmFrom)
            {
                monitor.Issue(live.Panel, slot, forecaster);
            }
        }

        return Ordered(monitor.Episodes().Where(e => e.From < panel.LabelAt(testEnd)));
    }

    /// <summary>The episodes of <paramref name="flags"/> (the evaluation's warnings, keep-firing included) over the same slots.</summary>
    public static IReadOnlyList<WarningEpisode> Evaluated(SeriesPanel panel, WarningFlags flags, int testStart, int testEnd)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(flags);
        var episodes = new List<WarningEpisode>();
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            foreach (var (start, end, issue) in WarningScorer.Episodes(panel, s, testStart, testEnd, flags))
            {
                episodes.Add(new WarningEpisode(panel.Sensors[s], panel.LabelAt(start), panel.LabelAt(end), panel.LabelAt(issue)));
            }
        }

        return Ordered(episodes);
    }

    private static void Release(SeriesPanel panel, LivePanel live, int slot)
    {
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var value = panel.Values(s)[slot];
            if (!double.IsNaN(value))
            {
                live.Put(panel.Sensors[s], panel.LabelAt(slot), value);
            }
        }
    }

    private static List<WarningEpisode> Ordered(IEnumerable<WarningEpisode> episodes) =>
        [.. episodes.OrderBy(e => e.Sensor.Value, StringComparer.Ordinal).ThenBy(e => e.From)];
}

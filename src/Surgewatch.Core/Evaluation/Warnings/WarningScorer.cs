using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Warnings;

/// <summary>Scores warnings against surges in the test period.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Event:</b> a maximal run of consecutive slots whose reading is above the sensor's threshold (a missing
/// reading ends a run).</item>
/// <item><b>Lead:</b> an event from slot <c>s</c> to <c>e</c> is warned with lead <c>s − i</c> slots when a warning for
/// any of its slots was issued at issue slot <c>i</c> (the earliest such). Recall at lead ≥ 1 h counts leads of at least
/// an hour; day-ahead recall counts warnings issued by the start of the event's day (the end of the previous day).
/// The median lead is taken over events warned at or before their start.</item>
/// <item><b>Episode:</b> a maximal run of consecutive warned slots with a reading (slots without one cannot be judged and
/// are skipped); it is correct when it overlaps an event of its sensor widened by one hour on each side.</item>
/// </list>
/// </remarks>
public static class WarningScorer
{
    /// <summary>Scores <paramref name="flags"/> (indexed by panel slot) on the slots from <paramref name="testStart"/> on.</summary>
    public static WarningScore Score(SeriesPanel panel, int testStart, ReadOnlySpan<double> thresholds, WarningFlags flags)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return Score(panel, testStart, panel.Length, thresholds, flags);
    }

    /// <summary>Scores <paramref name="flags"/> (indexed by panel slot) on the slots <paramref name="testStart"/> to <paramref name="testEnd"/> (exclusive).</summary>
    public static WarningScore Score(SeriesPanel panel, int testStart, int testEnd, ReadOnlySpan<double> thresholds, WarningFlags flags) =>
        ScoreWithSensors(panel, testStart, testEnd, thresholds, flags).Total;

    /// <summary>
    /// The figures of <see cref="Score(SeriesPanel, int, int, ReadOnlySpan{double}, WarningFlags)"/> together with the
    /// same figures for each evaluated sensor alone, in panel order: which counters the surges and the false warnings
    /// come from. The events and episodes of the sensors add up to the total's.
    /// </summary>
    public static (WarningScore Total, IReadOnlyList<SensorWarningScore> BySensor) ScoreWithSensors(
        SeriesPanel panel, int testStart, int testEnd, ReadOnlySpan<double> thresholds, WarningFlags flags) =>
        ScoreWithSensors(panel, testStart, testEnd, RefitSchedule.Once(testStart), [thresholds.ToArray()], flags);

    /// <summary>
    /// The figures of <see cref="ScoreWithSensors(SeriesPanel, int, int, ReadOnlySpan{double}, WarningFlags)"/> with
    /// thresholds that change at the refit points of <paramref name="schedule"/>, as a deployment's do each time it
    /// trains: a slot is a surge when its reading is above <paramref name="thresholds"/>[<c>schedule.SegmentOf(slot)</c>],
    /// the thresholds of the rule in force at that slot. The sensors evaluated are those with a threshold at the test
    /// start (<paramref name="thresholds"/>[0]), the one each sensor's figures report.
    /// </summary>
    /// <exception cref="ArgumentException">There is not one set of thresholds per segment.</exception>
    public static (WarningScore Total, IReadOnlyList<SensorWarningScore> BySensor) ScoreWithSensors(
        SeriesPanel panel, int testStart, int testEnd, RefitSchedule schedule, IReadOnlyList<double[]> thresholds, WarningFlags flags)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testEnd, panel.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testStart, testEnd);
        if (thresholds.Count != schedule.Count)
        {
            throw new ArgumentException($"Give one set of thresholds per refit segment: {schedule.Count}, not {thresholds.Count}.", nameof(thresholds));
        }

        var days = (testEnd - testStart) * panel.Step.TotalDays;
        var total = new Tally();
        var bySensor = new List<SensorWarningScore>();
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            if (!double.IsNaN(thresholds[0][s]))
            {
                var tally = new Tally();
                var above = Above(panel.Values(s)[..testEnd], schedule, thresholds, s, testStart);
                AddSensor(panel, s, testStart, testEnd, above, flags, ref tally);
                bySensor.Add(new SensorWarningScore(panel.Sensors[s], thresholds[0][s], tally.ToScore(1, days)));
                total.Add(tally);
            }
        }

        return (total.ToScore(bySensor.Count, days), bySensor);
    }

    /// <summary>
    /// The warning episodes of series <paramref name="series"/> in slots <paramref name="testStart"/> to
    /// <paramref name="testEnd"/>: maximal runs of warned slots that have a reading, each with the earliest issue slot of a
    /// warning for any of its slots. The live monitor (<see cref="Live.SurgeMonitor.Episodes"/>) logs the same runs.
    /// </summary>
    public static IReadOnlyList<(int Start, int End, int EarliestIssue)> Episodes(SeriesPanel panel, int series, int testStart, int testEnd, WarningFlags flags)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(flags);
        var tally = new Tally();
        var earliest = flags.EarliestIssue(series);
        var warned = Warned(panel.Values(series)[..testEnd], earliest, testStart, ref tally);
        var episodes = new List<(int, int, int)>();
        foreach (var (start, end) in Runs(warned))
        {
            var issue = WarningFlags.Never;
            for (var t = start; t <= end; t++)
            {
                issue = Math.Min(issue, earliest[t]);
            }

            episodes.Add((start, end, issue));
        }

        return episodes;
    }

    private static void AddSensor(SeriesPanel panel, int s, int testStart, int testEnd, bool[] above, WarningFlags flags, ref Tally tally)
    {
        var perHour = SlotCalendar.StepsPerHour(panel.Step);
        var values = panel.Values(s)[..testEnd];
        var warned = Warned(values, flags.EarliestIssue(s), testStart, ref tally);
        ScoreEvents(panel, above, flags.EarliestIssue(s), perHour, ref tally);
        ScoreEpisodes(above, warned, perHour, ref tally);
    }

    /// <summary>Which slots from <paramref name="testStart"/> on are above the threshold in force for series <paramref name="s"/>.</summary>
    private static bool[] Above(ReadOnlySpan<double> values, RefitSchedule schedule, IReadOnlyList<double[]> thresholds, int s, int testStart)
    {
        var above = new bool[values.Length];
        for (var t = testStart; t < values.Length; t++)
        {
            above[t] = values[t] > thresholds[schedule.SegmentOf(t)][s];
        }

        return above;
    }

    private static bool[] Warned(ReadOnlySpan<double> values, ReadOnlySpan<int> earliest, int testStart, ref Tally tally)
    {
        var warned = new bool[values.Length];
        for (var t = testStart; t < values.Length; t++)
        {
            warned[t] = earliest[t] != WarningFlags.Never && !double.IsNaN(values[t]);
            tally.AddSlot(!double.IsNaN(values[t]), warned[t]);
        }

        return warned;
    }

    private static void ScoreEvents(SeriesPanel panel, bool[] above, ReadOnlySpan<int> earliest, int perHour, ref Tally tally)
    {
        foreach (var (start, end) in Runs(above))
        {
            var issue = WarningFlags.Never;
            for (var t = start; t <= end; t++)
            {
                issue = Math.Min(issue, earliest[t]);
            }

            var dayStart = start - (panel.LabelAt(start).SecondOfDay / (int)panel.Step.TotalSeconds);
            tally.AddEvent(issue == WarningFlags.Never ? null : (double)(start - issue) / perHour, issue <= dayStart);
        }
    }

    private static void ScoreEpisodes(bool[] above, bool[] warned, int perHour, ref Tally tally)
    {
        foreach (var (start, end) in Runs(warned))
        {
            var correct = false;
            for (var t = Math.Max(0, start - perHour); t <= Math.Min(above.Length - 1, end + perHour) && !correct; t++)
            {
                correct = above[t];
            }

            tally.AddEpisode(correct);
        }
    }

    private static List<(int Start, int End)> Runs(bool[] on)
    {
        var runs = new List<(int, int)>();
        for (var t = 0; t < on.Length; t++)
        {
            if (on[t] && (t == 0 || !on[t - 1]))
            {
                var end = t;
                while (end + 1 < on.Length && on[end + 1])
                {
                    end++;
                }

                runs.Add((t, end));
            }
        }

        return runs;
    }

    private struct Tally
    {
        private List<double>? _leads;
        private int _events, _lead1h, _dayAhead, _episodes, _correct;
        private long _slots, _warnedSlots;

        public void AddSlot(bool present, bool warned)
        {
            _slots += present ? 1 : 0;
            _warnedSlots += warned ? 1 : 0;
        }

        public void AddEvent(double? leadHours, bool dayAhead)
        {
            _events++;
            if (leadHours is { } lead)
            {
                _lead1h += lead >= 1 ? 1 : 0;
                _dayAhead += dayAhead ? 1 : 0;
                if (lead >= 0)
                {
                    (_leads ??= []).Add(lead);
                }
            }
        }

        public void AddEpisode(bool correct)
        {
            _episodes++;
            _correct += correct ? 1 : 0;
        }

        /// <summary>Adds everything <paramref name="other"/> has counted (another sensor's tally).</summary>
        public void Add(Tally other)
        {
            (_events, _lead1h, _dayAhead, _episodes, _correct) =
                (_events + other._events, _lead1h + other._lead1h, _dayAhead + other._dayAhead, _episodes + other._episodes, _correct + other._correct);
            (_slots, _warnedSlots) = (_slots + other._slots, _warnedSlots + other._warnedSlots);
            if (other._leads is { } leads)
            {
                (_leads ??= []).AddRange(leads);
            }
        }

        public readonly WarningScore ToScore(int sensors, double days)
        {
            var median = _leads is { Count: > 0 } leads ? SurgeThresholds.Percentile(leads.ToArray(), 0.5) : Missing.Value;
            return new WarningScore(
                _events,
                Ratio(_lead1h, _events),
                Ratio(_dayAhead, _events),
                median,
                _episodes,
                Ratio(_correct, _episodes),
                sensors == 0 || days <= 0 ? Missing.Value : (_episodes - _correct) / (double)sensors / (days / 30),
                sensors,
                days,
                _slots == 0 ? Missing.Value : (double)_warnedSlots / _slots);
        }

        private static double Ratio(int part, int whole) => whole == 0 ? Missing.Value : (double)part / whole;
    }
}

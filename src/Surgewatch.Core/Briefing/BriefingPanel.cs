using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Briefing;

/// <summary>A series the briefing forecasts: a sensor, and how its readings make an hour.</summary>
/// <param name="Sensor">The sensor.</param>
/// <param name="IsLevel">
/// True for a level (persons present: an occupancy or cell source), whose hour is the mean of its readings; false for
/// a count (persons passing a line), whose hour is their sum.
/// </param>
public readonly record struct BriefingSource(SensorId Sensor, bool IsLevel)
{
    /// <summary>The series of a zone's source.</summary>
    public static BriefingSource Of(ZoneSource source) =>
        new(source.Sensor, source.Role is ZoneSourceRole.Occupancy or ZoneSourceRole.CellDevices);

    /// <summary>The series of a sensor briefed on its own (no zones): levels and counts as <see cref="ForecastGrid.AggregationOf"/> says.</summary>
    public static BriefingSource Of(Sensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return new(sensor.Id, ForecastGrid.AggregationOf(sensor.Kind) == SlotAggregation.Mean);
    }
}

/// <summary>
/// The hourly panel every briefing is made on, from readings at any step: per source, the mean of its readings in each
/// hour when it is a level, their sum when it is a count; an hour without a reading is missing, never 0. The panel
/// holds <see cref="History"/> up to the day's start, or up to the hour <c>now</c> is in when the day is further ahead.
/// </summary>
public static class BriefingPanel
{
    /// <summary>How much history the panel holds: what the deployed models look back on (gbm's lags reach eight weeks).</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(70);

    /// <summary>The panel's step.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromHours(1);

    /// <summary>The readings a briefing of <paramref name="date"/> made at <paramref name="now"/> uses: [start, end).</summary>
    public static (TimeLabel Start, TimeLabel End) Window(DateOnly date, TimeLabel now)
    {
        var dayStart = TimeLabel.FromDate(date);
        var hour = (long)Step.TotalSeconds;
        var end = dayStart < now ? dayStart : new TimeLabel(now.Seconds / hour * hour);
        return (end - History, end);
    }

    /// <summary>Every zone's sources, each sensor once (the first role it is given wins), in the zones' order.</summary>
    public static IReadOnlyList<BriefingSource> Sources(IReadOnlyList<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var seen = new HashSet<SensorId>();
        var list = new List<BriefingSource>();
        foreach (var zone in zones)
        {
            foreach (var source in zone.Sources)
            {
                if (seen.Add(source.Sensor))
                {
                    list.Add(BriefingSource.Of(source));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// <paramref name="sources"/> reordered so that <paramref name="first"/> (a saved model's sensors, in its order) lead,
    /// as a loaded model expects; a leading sensor that is not a source is taken from <paramref name="known"/>, or is a count.
    /// </summary>
    public static IReadOnlyList<BriefingSource> Leading(IReadOnlyList<SensorId> first, IReadOnlyList<BriefingSource> sources, IReadOnlyList<BriefingSource> known)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(known);
        var bySensor = new Dictionary<SensorId, BriefingSource>();
        foreach (var source in known.Concat(sources))
        {
            bySensor[source.Sensor] = source;
        }

        var list = new List<BriefingSource>(first.Count + sources.Count);
        var seen = new HashSet<SensorId>();
        foreach (var sensor in first)
        {
            if (seen.Add(sensor))
            {
                list.Add(bySensor.TryGetValue(sensor, out var source) ? source : new BriefingSource(sensor, false));
            }
        }

        list.AddRange(sources.Where(s => seen.Add(s.Sensor)));
        return list;
    }

    /// <summary>The hourly panel of <paramref name="sources"/> over [<paramref name="start"/>, <paramref name="end"/>) from <paramref name="readings"/>.</summary>
    public static SeriesPanel Hourly(ObservationBatch readings, IReadOnlyList<BriefingSource> sources, TimeLabel start, TimeLabel end)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var hours = new HourBins(sources, start, end);
        var sensorOf = readings.SensorIndexes;
        var times = readings.TimeSeconds;
        var values = readings.Values;
        var slots = new int[readings.Sensors.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = hours.IndexOf(readings.Sensors[i]);
        }

        for (var i = 0; i < readings.Count; i++)
        {
            hours.Add(slots[sensorOf[i]], times[i], values[i]);
        }

        return hours.ToPanel();
    }

    /// <summary>
    /// The panel of <paramref name="sources"/> over [<paramref name="start"/>, <paramref name="end"/>) on a grid of
    /// <paramref name="step"/> (a deployed model's, such as the quarter-hours of minute counters) from readings every
    /// <paramref name="sensorStep"/>, combined as <see cref="ForecastGrid.Aggregate"/> does for training; hourly, it is
    /// <see cref="Hourly(ObservationBatch, IReadOnlyList{BriefingSource}, TimeLabel, TimeLabel)"/>.
    /// </summary>
    public static SeriesPanel OnGrid(ObservationBatch readings, IReadOnlyList<BriefingSource> sources, TimeLabel start, TimeLabel end, TimeSpan step, TimeSpan sensorStep)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(sources);
        if (step == Step)
        {
            return Hourly(readings, sources, start, end);
        }

        var levels = new Dictionary<SensorId, bool>();
        foreach (var source in sources)
        {
            levels.TryAdd(source.Sensor, source.IsLevel);
        }

        var slots = (int)((end - start) / step);
        var laid = ForecastGrid.Aggregate(readings, sensorStep, step, id => levels.GetValueOrDefault(id) ? SlotAggregation.Mean : SlotAggregation.Sum, start, slots);
        var values = new double[sources.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            var from = laid.IndexOf(sources[s].Sensor);
            values[s] = from < 0 ? Enumerable.Repeat(Missing.Value, slots).ToArray() : laid.Values(from).ToArray();
        }

        return new SeriesPanel(start, step, [.. sources.Select(s => s.Sensor)], values);
    }

    /// <summary>The hourly panel of <paramref name="sources"/> over [<paramref name="start"/>, <paramref name="end"/>) from a panel of readings at any step.</summary>
    public static SeriesPanel Hourly(SeriesPanel readings, IReadOnlyList<BriefingSource> sources, TimeLabel start, TimeLabel end)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var hours = new HourBins(sources, start, end);
        for (var s = 0; s < readings.Sensors.Count; s++)
        {
            var target = hours.IndexOf(readings.Sensors[s]);
            var values = readings.Values(s);
            for (var t = 0; t < values.Length && target >= 0; t++)
            {
                hours.Add(target, readings.LabelAt(t).Seconds, values[t]);
            }
        }

        return hours.ToPanel();
    }

    /// <summary>
    /// Whole days from the first hour with a reading to the panel's end (0 for a panel without readings): the history
    /// a briefing on <paramref name="panel"/> rests on.
    /// </summary>
    public static int HistoryDays(SeriesPanel panel)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var first = panel.Length;
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var values = panel.Values(s);
            for (var t = 0; t < first; t++)
            {
                if (!Missing.Is(values[t]))
                {
                    first = t;
                    break;
                }
            }
        }

        return (int)((panel.Length - first) * panel.Step / TimeSpan.FromDays(1));
    }

    /// <summary>Sums and counts per source and hour.</summary>
    private sealed class HourBins
    {
        private readonly IReadOnlyList<BriefingSource> _sources;
        private readonly Dictionary<SensorId, int> _index = [];
        private readonly TimeLabel _start;
        private readonly double[][] _sums;
        private readonly int[][] _counts;

        public HourBins(IReadOnlyList<BriefingSource> sources, TimeLabel start, TimeLabel end)
        {
            ArgumentNullException.ThrowIfNull(sources);
            ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
            _sources = sources;
            _start = start;
            var hours = (int)((end - start) / Step);
            _sums = new double[sources.Count][];
            _counts = new int[sources.Count][];
            for (var s = 0; s < sources.Count; s++)
            {
                _index.TryAdd(sources[s].Sensor, s);
                _sums[s] = new double[hours];
                _counts[s] = new int[hours];
            }
        }

        public int IndexOf(SensorId sensor) => _index.TryGetValue(sensor, out var s) ? s : -1;

        public void Add(int source, long seconds, double value)
        {
            if (source < 0 || Missing.Is(value) || seconds < _start.Seconds)
            {
                return;
            }

            var hour = (seconds - _start.Seconds) / (long)Step.TotalSeconds;
            if (hour < _sums[source].Length)
            {
                _sums[source][hour] += value;
                _counts[source][hour]++;
            }
        }

        public SeriesPanel ToPanel()
        {
            for (var s = 0; s < _sums.Length; s++)
            {
                var sums = _sums[s];
                for (var h = 0; h < sums.Length; h++)
                {
                    var n = _counts[s][h];
                    sums[h] = n == 0 ? Missing.Value : _sources[s].IsLevel ? sums[h] / n : sums[h];
                }
            }

            return new SeriesPanel(_start, Step, [.. _sources.Select(s => s.Sensor)], _sums);
        }
    }
}

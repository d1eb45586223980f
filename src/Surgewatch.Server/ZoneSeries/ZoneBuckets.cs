using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>
/// A zone's stored readings on a regular grid: persons per bucket (the mean of its occupancy sources times their
/// factor, else of its cell sources; NaN where none reported) and people counted in per bucket by its line-in counters.
/// </summary>
/// <param name="From">The first bucket's label.</param>
/// <param name="Step">The bucket width.</param>
/// <param name="Persons">Mean persons present per bucket; NaN is missing.</param>
/// <param name="Entries">Persons counted entering per bucket (line-in and line-total counters); NaN where none reported.</param>
internal sealed record ZoneBuckets(TimeLabel From, TimeSpan Step, double[] Persons, double[] Entries)
{
    public TimeLabel LabelOf(int bucket) => From + (Step * bucket);

    /// <summary>Reads and buckets the zone's readings with labels in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<ZoneBuckets> ReadAsync(IObservationStore store, Zone zone, TimeLabel from, TimeLabel to, TimeSpan step, CancellationToken cancellationToken)
    {
        var stepSeconds = (long)step.TotalSeconds;
        var first = new TimeLabel(FloorDiv(from.Seconds, stepSeconds) * stepSeconds);
        var count = (int)Math.Max(0, (to.Seconds - first.Seconds + stepSeconds - 1) / stepSeconds);
        var sensors = new List<SensorId>(zone.Sources.Count);
        foreach (var s in zone.Sources)
        {
            sensors.Add(s.Sensor);
        }

        var batch = sensors.Count == 0 ? new ObservationBatch(1) : await store.ReadObservationsAsync(new ObservationQuery(sensors, first, to), cancellationToken);
        return Fill(zone, batch, first, stepSeconds, count);
    }

    private static ZoneBuckets Fill(Zone zone, ObservationBatch batch, TimeLabel first, long stepSeconds, int count)
    {
        var occupancy = new Accumulator(count);
        var cell = new Accumulator(count);
        var entries = new Accumulator(count);
        var roles = RolesBySensor(zone, batch);
        var sensorOf = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            var bucket = (int)((times[i] - first.Seconds) / stepSeconds);
            if (bucket < 0 || bucket >= count || Missing.Is(values[i]) || roles[sensorOf[i]] is not { } source)
            {
                continue;
            }

            var value = values[i] * source.Factor;
            switch (source.Role)
            {
                case ZoneSourceRole.Occupancy: occupancy.Add(bucket, times[i], value); break;
                case ZoneSourceRole.CellDevices: cell.Add(bucket, times[i], value); break;
                case ZoneSourceRole.LineIn or ZoneSourceRole.LineTotal: entries.AddSum(bucket, value); break;
            }
        }

        var persons = occupancy.Means();
        var fallback = cell.Means();
        for (var b = 0; b < count; b++)
        {
            persons[b] = Missing.Is(persons[b]) ? fallback[b] : persons[b];
        }

        return new ZoneBuckets(first, TimeSpan.FromSeconds(stepSeconds), persons, entries.Sums());
    }

    private static ZoneSource?[] RolesBySensor(Zone zone, ObservationBatch batch)
    {
        var roles = new ZoneSource?[batch.Sensors.Count];
        for (var i = 0; i < roles.Length; i++)
        {
            foreach (var s in zone.Sources)
            {
                if (s.Sensor == batch.Sensors[i])
                {
                    roles[i] = s;
                }
            }
        }

        return roles;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>Per bucket: the mean over time of the sum over sensors (several sources of one role add up).</summary>
    private sealed class Accumulator(int count)
    {
        private readonly Dictionary<long, double>[] _byTime = new Dictionary<long, double>[count];
        private readonly double[] _sums = new double[count];
        private readonly bool[] _seen = new bool[count];

        public void Add(int bucket, long time, double value)
        {
            var map = _byTime[bucket] ??= [];
            map[time] = map.TryGetValue(time, out var v) ? v + value : value;
        }

        public void AddSum(int bucket, double value)
        {
            _sums[bucket] += value;
            _seen[bucket] = true;
        }

        public double[] Means()
        {
            var means = new double[_byTime.Length];
            for (var b = 0; b < means.Length; b++)
            {
                means[b] = _byTime[b] is { Count: > 0 } map ? map.Values.Sum() / map.Count : Missing.Value;
            }

            return means;
        }

        public double[] Sums()
        {
            var sums = new double[_sums.Length];
            for (var b = 0; b < sums.Length; b++)
            {
                sums[b] = _seen[b] ? _sums[b] : Missing.Value;
            }

            return sums;
        }
    }
}

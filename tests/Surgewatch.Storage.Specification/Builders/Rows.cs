using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Storage.Specification.Builders;

/// <summary>Small generated observation batches on an hourly grid starting 2024-03-01T00:00.</summary>
public static class Rows
{
    public static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2024, 3, 1));

    public static TimeLabel Hour(int hour) => Start + TimeSpan.FromHours(hour);

    public static ObservationBatch Batch(params (string Sensor, int Hour, double Value)[] rows)
    {
        var batch = new ObservationBatch(rows.Length);
        foreach (var (sensor, hour, value) in rows)
        {
            batch.Add(new Observation(new SensorId(sensor), Hour(hour), value));
        }

        return batch;
    }

    /// <summary><paramref name="sensors"/> sensors (s00, s01, …) × <paramref name="hours"/> hours, in time order then sensor, as counters publish them.</summary>
    public static ObservationBatch Grid(int sensors, int hours, Func<int, int, double> value, int firstHour = 0)
    {
        var batch = new ObservationBatch(sensors * hours);
        for (var h = firstHour; h < firstHour + hours; h++)
        {
            for (var s = 0; s < sensors; s++)
            {
                batch.Add(new Observation(SensorName(s), Hour(h), value(s, h)));
            }
        }

        return batch;
    }

    public static SensorId SensorName(int index) => new($"s{index:D2}");

    public static List<Observation> ToList(ObservationBatch batch)
    {
        var list = new List<Observation>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            list.Add(batch[i]);
        }

        return list;
    }

    /// <summary>The state a store should hold after <paramref name="batches"/>: the last value per slot, ordered by sensor then label.</summary>
    public static List<Observation> Expected(params ObservationBatch[] batches)
    {
        var last = new Dictionary<(SensorId, TimeLabel), double>();
        foreach (var batch in batches)
        {
            foreach (var o in ToList(batch))
            {
                last[(o.SensorId, o.Time)] = o.Value;
            }
        }

        return last.Select(p => new Observation(p.Key.Item1, p.Key.Item2, p.Value))
            .OrderBy(o => o.SensorId.Value, StringComparer.Ordinal)
            .ThenBy(o => o.Time.Seconds)
            .ToList();
    }
}

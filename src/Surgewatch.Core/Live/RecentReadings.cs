using Surgewatch.Core.Calendar;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Live;

/// <summary>
/// The last few hours of readings per sensor, in memory, fed by every ingest: the <see cref="LiveLoop"/> reads the
/// present from here instead of the store, so a reading that crosses a level is judged within the next step. One
/// value per sensor and label (a reading added again replaces it). Thread-safe: ingests add while the loop reads.
/// </summary>
public sealed class RecentReadings
{
    /// <summary>How far back readings are kept, in label seconds.</summary>
    public const long KeepSeconds = 3 * 3600;

    private readonly Dictionary<string, SortedList<long, double>> _bySensor = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>Keeps <paramref name="batch"/>'s readings, dropping those more than <see cref="KeepSeconds"/> older than a sensor's latest.</summary>
    public void Add(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        lock (_gate)
        {
            // Each of the batch's sensors is looked up once, not once per reading.
            var seriesOf = new SortedList<long, double>[batch.Sensors.Count];
            for (var s = 0; s < seriesOf.Length; s++)
            {
                var id = batch.Sensors[s].Value;
                if (!_bySensor.TryGetValue(id, out var series))
                {
                    series = new SortedList<long, double>();
                    _bySensor[id] = series;
                }

                seriesOf[s] = series;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                var series = seriesOf[sensors[i]];
                series[times[i]] = values[i];
                Trim(series);
            }
        }
    }

    /// <summary>
    /// The readings of <paramref name="sensors"/> with labels in (<paramref name="from"/>, <paramref name="to"/>], oldest
    /// first, as instants of <paramref name="site"/> (the shape the Core occupancy fusion takes).
    /// </summary>
    public Dictionary<SensorId, IReadOnlyList<SensorReading>> Window(IEnumerable<SensorId> sensors, TimeLabel from, TimeLabel to, TimeZoneInfo site)
    {
        var result = new Dictionary<SensorId, IReadOnlyList<SensorReading>>();
        lock (_gate)
        {
            foreach (var sensor in sensors)
            {
                if (result.ContainsKey(sensor) || !_bySensor.TryGetValue(sensor.Value, out var series))
                {
                    continue;
                }

                var keys = series.Keys;
                var values = series.Values;
                var list = new List<SensorReading>();
                for (var i = FirstAfter(keys, from.Seconds); i < keys.Count && keys[i] <= to.Seconds; i++)
                {
                    list.Add(new SensorReading(new TimeLabel(keys[i]).ToInstant(site), values[i]));
                }

                result[sensor] = list;
            }
        }

        return result;
    }

    /// <summary>The index of the first of the ascending <paramref name="keys"/> later than <paramref name="label"/> (their count when none is).</summary>
    private static int FirstAfter(IList<long> keys, long label)
    {
        var (lo, hi) = (0, keys.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] > label)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static void Trim(SortedList<long, double> series)
    {
        var horizon = series.Keys[series.Count - 1] - KeepSeconds;
        while (series.Count > 0 && series.Keys[0] < horizon)
        {
            series.RemoveAt(0);
        }
    }
}

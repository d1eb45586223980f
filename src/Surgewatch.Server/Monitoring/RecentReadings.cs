using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.Monitoring;

/// <summary>
/// The last few hours of readings per sensor, in memory, fed by every ingest: the monitor reads the present from
/// here instead of the store, so a reading that crosses a level is judged within the next tick.
/// </summary>
internal sealed class RecentReadings
{
    /// <summary>How far back readings are kept, in label seconds.</summary>
    public const long KeepSeconds = 3 * 3600;

    private readonly Dictionary<string, SortedList<long, double>> _bySensor = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void Add(ObservationBatch batch)
    {
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var id = batch.Sensors[sensors[i]].Value;
                if (!_bySensor.TryGetValue(id, out var series))
                {
                    series = new SortedList<long, double>();
                    _bySensor[id] = series;
                }

                series[times[i]] = values[i];
                Trim(series);
            }
        }
    }

    /// <summary>The latest reading of <paramref name="sensor"/> at or before <paramref name="now"/>, or null.</summary>
    public (TimeLabel At, double Value)? Latest(SensorId sensor, TimeLabel now)
    {
        lock (_gate)
        {
            if (!_bySensor.TryGetValue(sensor.Value, out var series))
            {
                return null;
            }

            for (var i = series.Count - 1; i >= 0; i--)
            {
                if (series.Keys[i] <= now.Seconds && !Missing.Is(series.Values[i]))
                {
                    return (new TimeLabel(series.Keys[i]), series.Values[i]);
                }
            }

            return null;
        }
    }

    /// <summary>The sum of readings of <paramref name="sensor"/> in (<paramref name="from"/>, <paramref name="to"/>], and how many there were.</summary>
    public (double Sum, int Count) Sum(SensorId sensor, TimeLabel from, TimeLabel to)
    {
        lock (_gate)
        {
            if (!_bySensor.TryGetValue(sensor.Value, out var series))
            {
                return (0, 0);
            }

            double sum = 0;
            var count = 0;
            for (var i = series.Count - 1; i >= 0 && series.Keys[i] > from.Seconds; i--)
            {
                if (series.Keys[i] <= to.Seconds && !Missing.Is(series.Values[i]))
                {
                    sum += series.Values[i];
                    count++;
                }
            }

            return (sum, count);
        }
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

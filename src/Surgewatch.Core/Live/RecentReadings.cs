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

    private readonly Dictionary<string, Series> _bySensor = new(StringComparer.Ordinal);
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
            var seriesOf = new Series[batch.Sensors.Count];
            for (var s = 0; s < seriesOf.Length; s++)
            {
                var id = batch.Sensors[s].Value;
                if (!_bySensor.TryGetValue(id, out var series))
                {
                    series = new Series();
                    _bySensor[id] = series;
                }

                seriesOf[s] = series;
            }

            for (var i = 0; i < batch.Count; i++)
            {
                seriesOf[sensors[i]].Put(times[i], values[i]);
            }
        }
    }

    /// <summary>
    /// The readings of <paramref name="sensors"/> with labels in (<paramref name="from"/>, <paramref name="to"/>], oldest
    /// first, as instants of <paramref name="site"/> (the shape the Core occupancy fusion takes). Each list is a view
    /// that later readings never change; a reading is turned into an instant once, not at every step that reads it.
    /// </summary>
    public Dictionary<SensorId, IReadOnlyList<SensorReading>> Window(IEnumerable<SensorId> sensors, TimeLabel from, TimeLabel to, TimeZoneInfo site)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(site);
        var result = new Dictionary<SensorId, IReadOnlyList<SensorReading>>();
        lock (_gate)
        {
            foreach (var sensor in sensors)
            {
                if (result.ContainsKey(sensor) || !_bySensor.TryGetValue(sensor.Value, out var series))
                {
                    continue;
                }

                result[sensor] = series.View(from.Seconds, to.Seconds, site);
            }
        }

        return result;
    }

    /// <summary>
    /// One sensor's readings: ascending labels and their values in [<c>_start</c>, <c>_end</c>) of two arrays, and
    /// the same readings as instants of one site in a third array, filled up to <c>_converted</c> as views reach them.
    /// A view hands out a stretch of that third array below <c>_converted</c>, and nothing writes there again: a reading
    /// that comes in order is written past the end; one that replaces a value or comes out of order, a growth or
    /// another site's view put the readings in new arrays (the old ones stay with the views that hold them).
    /// </summary>
    private sealed class Series
    {
        private long[] _labels = new long[4];
        private double[] _values = new double[4];
        private SensorReading[] _readings = new SensorReading[4];
        private int _start;
        private int _end;
        private int _converted;
        private TimeZoneInfo? _site;

        public void Put(long label, double value)
        {
            if (_end == _start || label > _labels[_end - 1])
            {
                if (_end == _labels.Length)
                {
                    Move(Math.Max(4, 2 * (_end - _start)), _end);
                }

                _labels[_end] = label;
                _values[_end] = value;
                _end++;
            }
            else
            {
                var at = FirstAtOrAfter(label);
                if (at < _end && _labels[at] == label)
                {
                    if (_values[at].Equals(value))
                    {
                        return;
                    }

                    var index = at - _start;
                    Move(_labels.Length, _end);
                    _values[index] = value;
                    if (index < _converted)
                    {
                        _readings[index] = _readings[index] with { Value = value };
                    }
                }
                else
                {
                    // Out of order: the readings from its place on are shifted by one and turned into instants again.
                    var index = at - _start;
                    Move(Math.Max(_labels.Length, _end - _start + 1), Math.Min(_converted, at));
                    Array.Copy(_labels, index, _labels, index + 1, _end - index);
                    Array.Copy(_values, index, _values, index + 1, _end - index);
                    _labels[index] = label;
                    _values[index] = value;
                    _end++;
                }
            }

            var horizon = _labels[_end - 1] - KeepSeconds;
            while (_labels[_start] < horizon)
            {
                _start++;
            }

            _converted = Math.Max(_converted, _start);
        }

        public IReadOnlyList<SensorReading> View(long after, long upTo, TimeZoneInfo site)
        {
            if (!ReferenceEquals(site, _site))
            {
                _readings = new SensorReading[_labels.Length];
                _converted = _start;
                _site = site;
            }

            var first = FirstAtOrAfter(after + 1);
            var end = FirstAtOrAfter(upTo + 1);
            if (end <= first)
            {
                return [];
            }

            for (; _converted < end; _converted++)
            {
                _readings[_converted] = new SensorReading(new TimeLabel(_labels[_converted]).ToInstant(site), _values[_converted]);
            }

            return new ArraySegment<SensorReading>(_readings, first, end - first);
        }

        /// <summary>
        /// Puts the readings in new arrays of <paramref name="capacity"/> from index 0, keeping the instants of those
        /// before index <paramref name="convertedUpTo"/> (of the old arrays).
        /// </summary>
        private void Move(int capacity, int convertedUpTo)
        {
            var count = _end - _start;
            var (labels, values, readings) = (new long[capacity], new double[capacity], new SensorReading[capacity]);
            Array.Copy(_labels, _start, labels, 0, count);
            Array.Copy(_values, _start, values, 0, count);
            var converted = Math.Clamp(Math.Min(convertedUpTo, _converted) - _start, 0, count);
            Array.Copy(_readings, _start, readings, 0, converted);
            (_labels, _values, _readings) = (labels, values, readings);
            (_start, _end, _converted) = (0, count, converted);
        }

        /// <summary>The index of the first reading whose label is <paramref name="label"/> or later (<c>_end</c> when none is).</summary>
        private int FirstAtOrAfter(long label)
        {
            var (lo, hi) = (_start, _end);
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_labels[mid] >= label)
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
    }
}

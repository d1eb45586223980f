using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>
/// Many sensors' series on one regular grid of labels: slot <c>i</c> of every series is the interval that
/// starts at <c>Start + i × Step</c>. A slot without a reading holds <see cref="Missing.Value"/>. Sharing one
/// grid lets models read calendar features and neighbours' readings by index.
/// </summary>
public sealed class SeriesPanel
{
    private readonly double[][] _values;
    private readonly Dictionary<SensorId, int> _sensorIndex;
    private readonly int _stepSeconds;

    /// <summary>Creates a panel over <paramref name="values"/>, one array per sensor, all of the same length. The arrays are owned by the panel.</summary>
    public SeriesPanel(TimeLabel start, TimeSpan step, IReadOnlyList<SensorId> sensors, double[][] values)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(values);
        _stepSeconds = SlotCalendar.StepSeconds(step);
        if (sensors.Count != values.Length)
        {
            throw new ArgumentException("There must be one value array per sensor.", nameof(values));
        }

        var length = values.Length == 0 ? 0 : values[0].Length;
        foreach (var series in values)
        {
            if (series.Length != length)
            {
                throw new ArgumentException("Every series of a panel must have the same length.", nameof(values));
            }
        }

        _sensorIndex = new Dictionary<SensorId, int>(sensors.Count);
        for (var i = 0; i < sensors.Count; i++)
        {
            if (!_sensorIndex.TryAdd(sensors[i], i))
            {
                throw new ArgumentException($"Sensor '{sensors[i]}' appears twice.", nameof(sensors));
            }
        }

        Start = start;
        Step = step;
        Sensors = sensors;
        Length = length;
        _values = values;
    }

    /// <summary>The label of slot 0.</summary>
    public TimeLabel Start { get; }

    /// <summary>The grid step.</summary>
    public TimeSpan Step { get; }

    /// <summary>The sensors, one series each.</summary>
    public IReadOnlyList<SensorId> Sensors { get; }

    /// <summary>The number of slots in every series.</summary>
    public int Length { get; }

    /// <summary>The label one past the last slot.</summary>
    public TimeLabel End => LabelAt(Length);

    /// <summary>The values of series <paramref name="series"/>; missing slots hold <see cref="Missing.Value"/>.</summary>
    public ReadOnlySpan<double> Values(int series) => _values[series];

    /// <summary>The label of slot <paramref name="index"/> (any index, also past the end).</summary>
    public TimeLabel LabelAt(int index) => new(Start.Seconds + ((long)index * _stepSeconds));

    /// <summary>The slot whose interval contains <paramref name="label"/>, which may lie before or past the grid.</summary>
    public long SlotOf(TimeLabel label) => (long)Math.Floor((label.Seconds - Start.Seconds) / (double)_stepSeconds);

    /// <summary>The first slot whose label is at or after <paramref name="label"/>, clamped to [0, Length].</summary>
    public int FirstSlotAtOrAfter(TimeLabel label)
    {
        var diff = label.Seconds - Start.Seconds;
        var slot = diff <= 0 ? 0 : (diff + _stepSeconds - 1) / _stepSeconds;
        return (int)Math.Min(slot, Length);
    }

    /// <summary>The series index of <paramref name="sensor"/>, or -1 when the panel has none.</summary>
    public int IndexOf(SensorId sensor) => _sensorIndex.TryGetValue(sensor, out var i) ? i : -1;

    /// <summary>The number of slots that hold a reading, over all series.</summary>
    public long CountPresent()
    {
        long n = 0;
        foreach (var series in _values)
        {
            foreach (var v in series)
            {
                if (!Missing.Is(v))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>
    /// Lays a batch onto a grid of <paramref name="step"/> from its earliest to its latest label. Labels off
    /// the grid are refused with <see cref="ArgumentException"/>; when a slot is given twice the later row wins.
    /// </summary>
    public static SeriesPanel FromBatch(ObservationBatch batch, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var stepSeconds = SlotCalendar.StepSeconds(step);
        var times = batch.TimeSeconds;
        if (times.Length == 0)
        {
            return new SeriesPanel(default, step, [], []);
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (var t in times)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }

        var start = new TimeLabel(min);
        if (!start.IsAligned(step))
        {
            throw new ArgumentException($"Label {start} is not on the {step} grid.", nameof(batch));
        }

        var length = checked((int)(((max - min) / stepSeconds) + 1));
        var values = new double[batch.Sensors.Count][];
        for (var s = 0; s < values.Length; s++)
        {
            values[s] = new double[length];
            Array.Fill(values[s], Missing.Value);
        }

        var sensorOf = batch.SensorIndexes;
        var v = batch.Values;
        for (var row = 0; row < times.Length; row++)
        {
            var offset = times[row] - min;
            if (offset % stepSeconds != 0)
            {
                throw new ArgumentException($"Label {new TimeLabel(times[row])} of sensor '{batch.Sensors[sensorOf[row]]}' is not on the {step} grid.", nameof(batch));
            }

            values[sensorOf[row]][offset / stepSeconds] = v[row];
        }

        return new SeriesPanel(start, step, batch.Sensors.ToArray(), values);
    }
}

using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Series;

/// <summary>
/// A columnar batch of observations, the unit that readers produce and stores write atomically.
/// Sensors are interned once; each row holds the sensor's index, the label in seconds and the value,
/// so that a million rows cost three arrays rather than a million objects.
/// </summary>
public sealed class ObservationBatch
{
    private readonly List<SensorId> _sensors = [];
    private readonly Dictionary<SensorId, int> _sensorIndex = [];
    private int[] _sensorOf;
    private long[] _times;
    private double[] _values;

    /// <summary>Creates an empty batch with room for <paramref name="capacity"/> rows.</summary>
    public ObservationBatch(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _sensorOf = new int[Math.Max(capacity, 4)];
        _times = new long[_sensorOf.Length];
        _values = new double[_sensorOf.Length];
    }

    /// <summary>The number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The distinct sensors, in order of first appearance.</summary>
    public IReadOnlyList<SensorId> Sensors => _sensors;

    /// <summary>Each row's index into <see cref="Sensors"/>.</summary>
    public ReadOnlySpan<int> SensorIndexes => _sensorOf.AsSpan(0, Count);

    /// <summary>Each row's label, as <see cref="TimeLabel.Seconds"/>.</summary>
    public ReadOnlySpan<long> TimeSeconds => _times.AsSpan(0, Count);

    /// <summary>Each row's value.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    /// <summary>Returns the index of <paramref name="sensor"/> in <see cref="Sensors"/>, adding it when new.</summary>
    public int InternSensor(SensorId sensor)
    {
        if (!_sensorIndex.TryGetValue(sensor, out var index))
        {
            index = _sensors.Count;
            _sensors.Add(sensor);
            _sensorIndex.Add(sensor, index);
        }

        return index;
    }

    /// <summary>Appends a row for an interned sensor. The value must be finite: a missing reading is simply not added.</summary>
    public void Add(int sensorIndex, TimeLabel time, double value)
    {
        if ((uint)sensorIndex >= (uint)_sensors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(sensorIndex), sensorIndex, "Intern the sensor first.");
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A value must be finite; leave a missing reading out of the batch.");
        }

        if (Count == _sensorOf.Length)
        {
            Grow();
        }

        _sensorOf[Count] = sensorIndex;
        _times[Count] = time.Seconds;
        _values[Count] = value;
        Count++;
    }

    /// <summary>Appends a row, interning its sensor.</summary>
    public void Add(Observation observation) => Add(InternSensor(observation.SensorId), observation.Time, observation.Value);

    /// <summary>The row at <paramref name="row"/> as an <see cref="Observation"/>.</summary>
    public Observation this[int row]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
            return new Observation(_sensors[_sensorOf[row]], new TimeLabel(_times[row]), _values[row]);
        }
    }

    private void Grow()
    {
        var size = _sensorOf.Length * 2;
        Array.Resize(ref _sensorOf, size);
        Array.Resize(ref _times, size);
        Array.Resize(ref _values, size);
    }
}

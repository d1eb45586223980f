namespace Surgewatch.Core.Monitoring;

/// <summary>
/// The last N step-long slots of one zone's density, oldest first, NaN where there was none: what the local trend is fitted
/// to. Samples are keyed by time, not by call: a sample in the same slot as the previous one replaces it, and slots that
/// passed without a call are NaN, so calls may come more often (after each ingest) or less often than once a step.
/// </summary>
internal sealed class DensityHistory(int capacity, TimeSpan step)
{
    private readonly double[] _values = new double[capacity];
    private int _count;
    private long _lastSlot = long.MinValue;

    public void Add(DateTimeOffset at, double value)
    {
        var slot = at.UtcTicks / step.Ticks;
        if (_count > 0 && slot <= _lastSlot)
        {
            // Same slot (or a late call): the latest value of the slot stands.
            _values[_count - 1] = value;
            return;
        }

        var gap = _count == 0 ? 0 : (int)Math.Min(slot - _lastSlot - 1, _values.Length);
        for (var i = 0; i < gap; i++)
        {
            Push(double.NaN);
        }

        Push(value);
        _lastSlot = slot;
    }

    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);

    /// <summary>The history as a <see cref="ZoneDensities"/> of <paramref name="zone"/>, or null while it is empty.</summary>
    public ZoneDensities? Snapshot(Zones.ZoneId zone) =>
        _count == 0 ? null : new ZoneDensities(zone, new DateTimeOffset(_lastSlot * step.Ticks, TimeSpan.Zero), _values.AsSpan(0, _count).ToArray());

    /// <summary>Takes <paramref name="saved"/> back in place of what it holds (the newest slots, when it holds more than fit).</summary>
    public void Restore(ZoneDensities saved)
    {
        var values = saved.Values;
        var skip = Math.Max(0, values.Count - _values.Length);
        _count = 0;
        for (var i = skip; i < values.Count; i++)
        {
            _values[_count++] = values[i];
        }

        _lastSlot = _count == 0 ? long.MinValue : saved.LastSlot.UtcTicks / step.Ticks;
    }

    private void Push(double value)
    {
        if (_count == _values.Length)
        {
            Array.Copy(_values, 1, _values, 0, _values.Length - 1);
            _count--;
        }

        _values[_count++] = value;
    }
}

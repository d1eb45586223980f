namespace Surgewatch.Core.Monitoring;

/// <summary>The last N density values of one zone, oldest first, NaN where there was none: what the local trend is fitted to.</summary>
internal sealed class DensityHistory(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _count;

    public void Add(double value)
    {
        if (_count == _values.Length)
        {
            Array.Copy(_values, 1, _values, 0, _values.Length - 1);
            _count--;
        }

        _values[_count++] = value;
    }

    public ReadOnlySpan<double> Values => _values.AsSpan(0, _count);
}

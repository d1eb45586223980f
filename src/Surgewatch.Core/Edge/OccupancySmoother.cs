namespace Surgewatch.Core.Edge;

/// <summary>
/// Occupancy made steadier than detection: the median of the last <see cref="Window"/> per-frame counts, so that a person
/// missed or doubled for a frame or two does not move the count.
/// </summary>
public sealed class OccupancySmoother
{
    private readonly int[] _recent;
    private readonly int[] _sorted;
    private int _count;
    private int _next;

    /// <summary>A smoother over <paramref name="window"/> frames (1 = no smoothing).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is below 1.</exception>
    public OccupancySmoother(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _recent = new int[window];
        _sorted = new int[window];
    }

    /// <summary>The number of frames the median is taken over.</summary>
    public int Window => _recent.Length;

    /// <summary>Adds this frame's raw count and returns the smoothed occupancy (the median, halves for an even count of frames).</summary>
    public double Add(int rawCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rawCount);
        _recent[_next] = rawCount;
        _next = (_next + 1) % _recent.Length;
        _count = Math.Min(_count + 1, _recent.Length);
        Array.Copy(_recent, _sorted, _count);
        Array.Sort(_sorted, 0, _count);
        var mid = _count / 2;
        return _count % 2 == 1 ? _sorted[mid] : (_sorted[mid - 1] + _sorted[mid]) / 2.0;
    }

    /// <summary>Forgets the window (after a gap in the stream, old frames say nothing about now).</summary>
    public void Reset()
    {
        _count = 0;
        _next = 0;
    }
}

namespace Surgewatch.Core.Edge;

/// <summary>
/// Groups per-frame counts into fixed intervals aligned to <see cref="Every"/> and closes each one as an
/// <see cref="EdgeInterval"/>. An interval with fewer than half of its expected frames is missing, not zero.
/// Pure: frame times are given, never read from a clock.
/// </summary>
public sealed class IntervalAggregator
{
    private readonly double _expectedFramesPerInterval;
    private readonly bool _countsLine;
    private DateTimeOffset? _start;
    private int _frames;
    private double _occupancySum;
    private LineCrossings _crossings;

    /// <summary>An aggregator over intervals of <paramref name="every"/> for a source processed at <paramref name="framesPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A non-positive interval or rate.</exception>
    public IntervalAggregator(TimeSpan every, double framesPerSecond, bool countsLine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(framesPerSecond, 0);
        Every = every;
        _expectedFramesPerInterval = every.TotalSeconds * framesPerSecond;
        _countsLine = countsLine;
    }

    /// <summary>The interval length.</summary>
    public TimeSpan Every { get; }

    /// <summary>
    /// Adds one processed frame at <paramref name="at"/>; returns the intervals this frame closed (those before it,
    /// including empty ones skipped by a gap, each reported as missing), oldest first.
    /// </summary>
    public IReadOnlyList<EdgeInterval> Add(DateTimeOffset at, double occupancy, LineCrossings crossings)
    {
        var start = Floor(at);
        var closed = _start is { } current && start > current ? CloseUntil(start) : [];
        _start ??= start;
        _frames++;
        _occupancySum += occupancy;
        _crossings += crossings;
        return closed;
    }

    /// <summary>Closes the open interval (at the end of a file or on shutdown) and returns it, if one is open.</summary>
    public EdgeInterval? Flush()
    {
        if (_start is null)
        {
            return null;
        }

        var interval = Close(_start.Value);
        _start = null;
        return interval;
    }

    private List<EdgeInterval> CloseUntil(DateTimeOffset next)
    {
        var closed = new List<EdgeInterval> { Close(_start!.Value) };
        for (var gap = _start!.Value + Every; gap < next; gap += Every)
        {
            closed.Add(new EdgeInterval(gap, null, null, 0, Expected));
        }

        _start = next;
        return closed;
    }

    private EdgeInterval Close(DateTimeOffset start)
    {
        var frames = _frames;
        var missing = frames < _expectedFramesPerInterval / 2;
        var interval = missing
            ? new EdgeInterval(start, null, null, frames, Expected)
            : new EdgeInterval(start, Math.Round(_occupancySum / frames, MidpointRounding.AwayFromZero), _countsLine ? _crossings : null, frames, Expected);
        _frames = 0;
        _occupancySum = 0;
        _crossings = LineCrossings.None;
        return interval;
    }

    private int Expected => (int)Math.Round(_expectedFramesPerInterval);

    private DateTimeOffset Floor(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % Every.Ticks), TimeSpan.Zero);
}

using Surgewatch.Core.Series;

namespace Surgewatch.Core.Evaluation.Refitting;

/// <summary>
/// When an evaluation fits its model over a test period. With one fit (<see cref="Once"/>) the model is fitted on the
/// slots before the test period and forecasts all of it. With a refit interval (<see cref="Every"/>) it is fitted again
/// at each refit point <c>testStart</c>, <c>testStart + interval</c>, … before the test end, each time on every slot
/// before that point: what <c>train --every</c> or <c>serve --retrain</c> would have deployed at that moment.
/// </summary>
/// <remarks>
/// Segment i is the forecasts <em>issued</em> from refit point i up to the next one. A forecast is issued at slot
/// <c>i</c> when slot <c>i − 1</c> has ended (origin <c>i − 1</c>, as <see cref="Warnings.ForecastTable.IssueSlot"/>
/// counts it), so it comes from the latest model trained on the readings known then, and never from one that saw a later
/// reading. Segment 0 also holds every forecast issued before the test period (a rolling backtest's first origins, the
/// first day-ahead forecast), exactly as one fit does; the last segment runs to the end.
/// </remarks>
public sealed class RefitSchedule
{
    private readonly int[] _points;

    private RefitSchedule(int[] points, int? intervalSlots)
    {
        _points = points;
        IntervalSlots = intervalSlots;
    }

    /// <summary>The refit points (panel slots), ascending; the first is the test start.</summary>
    public IReadOnlyList<int> Points => _points;

    /// <summary>The number of segments (fits of the model).</summary>
    public int Count => _points.Length;

    /// <summary>Slots between refit points; null for one fit.</summary>
    public int? IntervalSlots { get; }

    /// <summary>One fit, before <paramref name="testStart"/>: one segment that issues every forecast.</summary>
    public static RefitSchedule Once(int testStart) => new([testStart], null);

    /// <summary>
    /// A refit every <paramref name="intervalSlots"/> slots from <paramref name="testStart"/> to before
    /// <paramref name="testEnd"/>: <c>⌈(testEnd − testStart) ÷ interval⌉</c> segments.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive, or the test window is empty.</exception>
    public static RefitSchedule Every(int testStart, int testEnd, int intervalSlots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalSlots);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(testEnd, testStart);
        var count = (int)(((long)testEnd - testStart + intervalSlots - 1) / intervalSlots);
        var points = new int[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = testStart + (i * intervalSlots);
        }

        return new(points, intervalSlots);
    }

    /// <summary>
    /// The schedule of a refit interval on <paramref name="panel"/>'s grid: <see cref="Once"/> when
    /// <paramref name="interval"/> is null, else <see cref="Every"/> with the interval in slots.
    /// </summary>
    /// <exception cref="ArgumentException">The interval is not a positive whole number of the panel's steps.</exception>
    public static RefitSchedule For(SeriesPanel panel, int testStart, int testEnd, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(panel);
        return interval is { } every ? Every(testStart, testEnd, SlotsOf(every, panel.Step)) : Once(testStart);
    }

    /// <summary>The number of slots of <paramref name="step"/> in <paramref name="interval"/>.</summary>
    /// <exception cref="ArgumentException">The interval is not a positive whole number of steps.</exception>
    public static int SlotsOf(TimeSpan interval, TimeSpan step)
    {
        if (interval <= TimeSpan.Zero || step <= TimeSpan.Zero || interval.Ticks % step.Ticks != 0 || interval.Ticks / step.Ticks > int.MaxValue)
        {
            throw new ArgumentException($"A refit interval must be a positive whole number of the data's {step} steps, not {interval}.", nameof(interval));
        }

        return (int)(interval.Ticks / step.Ticks);
    }

    /// <summary>The segment whose model issues a forecast at <paramref name="issueSlot"/>: 0 up to the second refit point.</summary>
    public int SegmentOf(int issueSlot)
    {
        if (IntervalSlots is not { } interval || issueSlot < _points[0])
        {
            return 0;
        }

        return (int)Math.Min(((long)issueSlot - _points[0]) / interval, _points.Length - 1);
    }

    /// <summary>
    /// The issue slots of segment <paramref name="segment"/>, from (inclusive) to (exclusive): from its refit point (or
    /// from <see cref="int.MinValue"/> for the first) to the next one (or <see cref="int.MaxValue"/> for the last).
    /// </summary>
    public (int From, int To) IssueRange(int segment)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(segment, _points.Length);
        return (segment == 0 ? int.MinValue : _points[segment], segment == _points.Length - 1 ? int.MaxValue : _points[segment + 1]);
    }
}

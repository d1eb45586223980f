using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class IntervalAggregatorTest
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);

    /// <summary>Feeds <paramref name="frames"/> frames at 10 frames/s from <paramref name="from"/>, each with <paramref name="people"/>.</summary>
    private static List<EdgeInterval> Feed(IntervalAggregator aggregator, DateTimeOffset from, int frames, double people, LineCrossings crossings = default)
    {
        var closed = new List<EdgeInterval>();
        for (var i = 0; i < frames; i++)
        {
            closed.AddRange(aggregator.Add(from + TimeSpan.FromSeconds(i / 10.0), people, crossings));
        }

        return closed;
    }

    [Fact]
    public void Add_FullInterval_ReportsMeanOccupancyAndCrossings()
    {
        var aggregator = new IntervalAggregator(TimeSpan.FromMinutes(1), 10, countsLine: true);
        Feed(aggregator, Start, 600, 3, new LineCrossings(0, 0));
        var closed = Feed(aggregator, Start.AddMinutes(1), 1, 5, new LineCrossings(1, 0));
        closed.Should().ContainSingle().Which.Should().Be(new EdgeInterval(Start, 3, LineCrossings.None, 600, 600));
    }

    [Fact]
    public void Flush_FewerThanHalfTheExpectedFrames_IsMissingNotZero()
    {
        var aggregator = new IntervalAggregator(TimeSpan.FromMinutes(1), 10, countsLine: true);
        Feed(aggregator, Start, 299, 0);
        var last = aggregator.Flush()!;
        last.IsMissing.Should().BeTrue();
        last.Occupancy.Should().BeNull();
        last.Crossings.Should().BeNull();
        EdgeReading.Of(last, "cam").Should().BeEmpty();
    }

    [Fact]
    public void Flush_HalfTheExpectedFramesOfZeroPeople_ReportsZero()
    {
        var aggregator = new IntervalAggregator(TimeSpan.FromMinutes(1), 10, countsLine: false);
        Feed(aggregator, Start, 300, 0);
        aggregator.Flush()!.Occupancy.Should().Be(0);
    }

    [Fact]
    public void Add_GapOfSeveralIntervals_ReportsEachAsMissing()
    {
        var aggregator = new IntervalAggregator(TimeSpan.FromMinutes(1), 10, countsLine: false);
        Feed(aggregator, Start, 600, 2);
        var closed = Feed(aggregator, Start.AddMinutes(4), 1, 2);
        closed.Select(c => c.IsMissing).Should().Equal(false, true, true, true);
        closed.Select(c => c.Start).Should().Equal(Start, Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3));
    }

    [Fact]
    public void Add_AnyFrameCount_MissingExactlyWhenBelowHalf()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 600)), frames =>
        {
            var aggregator = new IntervalAggregator(TimeSpan.FromMinutes(1), 10, countsLine: false);
            Feed(aggregator, Start, frames, 1);
            return aggregator.Flush()!.IsMissing == (frames < 300);
        }).QuickCheckThrowOnFailure();
    }
}

using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed partial class PersonTrackerTest
{
    private static readonly CountingLine Vertical = new(new PixelPoint(200, 0), new PixelPoint(200, 360));

    /// <summary>A 20×50 person whose foot is at (<paramref name="footX"/>, <paramref name="footY"/>).</summary>
    private static PixelBox Person(double footX, double footY = 200) => new(footX - 10, footY - 50, 20, 50);

    private static LineCrossings WalkPath(PersonTracker tracker, IEnumerable<PixelBox[]> frames)
    {
        var total = LineCrossings.None;
        foreach (var detections in frames)
        {
            total += tracker.Step(detections, Vertical);
        }

        return total;
    }

    [Fact]
    public void Step_OnePersonWalkingAcross_CountsOneCrossing()
    {
        // The vertical line points down, so its right side is x < 200: walking left to right is "out".
        var frames = Enumerable.Range(0, 40).Select(i => new[] { Person(120 + (i * 4)) });
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(0, 1));
    }

    [Fact]
    public void Step_TwoPeopleWalkingOppositeWays_CountsOneEachWay()
    {
        var frames = Enumerable.Range(0, 40).Select(i => new[] { Person(120 + (i * 4), 150), Person(280 - (i * 4), 250) });
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(1, 1));
    }

    [Fact]
    public void Step_PersonLingeringOnTheLine_CountsOnceAtMost()
    {
        var frames = Enumerable.Range(0, 60).Select(i => new[] { Person(200 + (i % 2 == 0 ? -6 : 6)) });
        var crossings = WalkPath(new PersonTracker(new TrackerOptions()), frames);
        (crossings.In + crossings.Out).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Step_PersonCrossingAndComingBack_CountsOnceEachWay()
    {
        var frames = Enumerable.Range(0, 80).Select(i => new[] { Person(i < 40 ? 120 + (i * 4) : 280 - ((i - 40) * 4)) });
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(1, 1));
    }

    [Fact]
    public void Step_WalkingRoundTheEndOfTheLine_CountsNothing()
    {
        var shortLine = new CountingLine(new PixelPoint(200, 0), new PixelPoint(200, 100));
        var total = LineCrossings.None;
        var tracker = new PersonTracker(new TrackerOptions());
        foreach (var i in Enumerable.Range(0, 40))
        {
            // Below the line's lower end (foot at row 200), from left to right.
            total += tracker.Step([Person(120 + (i * 4))], shortLine);
        }

        total.Should().Be(LineCrossings.None);
    }

    [Fact]
    public void Step_MissedForAFewFrames_KeepsTheTrackAndCountsOnce()
    {
        var frames = Enumerable.Range(0, 40).Select(i => i is >= 18 and <= 21 ? Array.Empty<PixelBox>() : [Person(120 + (i * 4))]);
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(0, 1));
    }

    [Fact]
    public void Step_PersonLeavesTheView_DropsTheTrack()
    {
        var tracker = new PersonTracker(new TrackerOptions { MaxMissedFrames = 3 });
        tracker.Step([Person(100)], null);
        tracker.Step([Person(104)], null);
        for (var i = 0; i < 4; i++)
        {
            tracker.Step([], null);
        }

        tracker.ActiveTracks.Should().Be(0);
    }

    [Fact]
    public void Step_OneFrameFalseDetectionOnTheLine_CountsNothing()
    {
        var frames = new[] { new[] { Person(195) }, [Person(205)], [], [], [], [], [], [], [] };
        WalkPath(new PersonTracker(new TrackerOptions { MinHits = 3 }), frames).Should().Be(LineCrossings.None);
    }

    [Fact]
    public void Step_AnyStraightWalkAcross_CountsExactlyOneCrossing()
    {
        Prop.ForAll(Arb.From(Gen.Choose(2, 8)), Arb.From(Gen.Choose(100, 300)), Arb.From(Gen.Elements(true, false)), (speed, footY, rightwards) =>
        {
            var frames = Enumerable.Range(0, 240 / speed).Select(i => new[] { Person(rightwards ? 80 + (i * speed) : 320 - (i * speed), footY) });
            var c = WalkPath(new PersonTracker(new TrackerOptions()), frames);
            return rightwards ? c == new LineCrossings(0, 1) : c == new LineCrossings(1, 0);
        }).QuickCheckThrowOnFailure();
    }
}

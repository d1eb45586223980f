using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

/// <summary>People a detector sees as one blob: passing each other, or one walking behind another.</summary>
public sealed partial class PersonTrackerTest
{
    /// <summary>The detections of people at <paramref name="footXs"/> on one row, where people closer than a body width are one blob.</summary>
    private static PixelBox[] AsBlobs(params double[] footXs)
    {
        var boxes = footXs.Order().Select(x => Person(x)).ToList();
        for (var i = boxes.Count - 1; i > 0; i--)
        {
            if (boxes[i].X - boxes[i - 1].X < 20)
            {
                var right = boxes[i].X + boxes[i].Width;
                boxes[i - 1] = boxes[i - 1] with { Width = right - boxes[i - 1].X };
                boxes.RemoveAt(i);
            }
        }

        return [.. boxes];
    }

    [Fact]
    public void Step_TwoPeopleSeenAsOneBlobWhilePassingOnTheLine_CountsOneEachWay()
    {
        // At 2 px a frame each they are one blob for ten frames, centred on the line.
        var frames = Enumerable.Range(0, 60).Select(i => AsBlobs(140 + (i * 2), 260 - (i * 2)));
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(1, 1));
    }

    [Fact]
    public void Step_PersonWalkingBehindAnotherOverTheLine_CountsBoth()
    {
        // The second walks 24 px behind the first; for thirty frames, over the line, the detector sees one box for both.
        var frames = Enumerable.Range(0, 50).Select(i => i is >= 10 and < 40 ? [new PixelBox(106 + (i * 3), 150, 44, 50)] : AsBlobs(140 + (i * 3), 116 + (i * 3)));
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(0, 2));
    }

    [Fact]
    public void Step_TwoStandingPeopleWalkingOffTogetherOverTheLine_CountsBoth()
    {
        // They stand apart, then walk off side by side as one blob: the one whose detection is lost had no velocity to
        // predict by and is carried inside the blob, over the line, until they separate.
        var frames = Enumerable.Range(0, 60).Select(i =>
            i < 10 ? AsBlobs(226, 250)
            : i < 50 ? [new PixelBox(216 - ((i - 10) * 3), 150, 44, 50)]
            : AsBlobs(106 - ((i - 50) * 3), 130 - ((i - 50) * 3)));
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(new LineCrossings(2, 0));
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(9, 1)]
    public void Step_InOneBoxWithAnother_KeptForMaxHiddenFramesThenDropped(int framesTogether, int expectedTracks)
    {
        var tracker = new PersonTracker(new TrackerOptions { MaxHiddenFrames = 8, MaxMissedFrames = 3 });
        tracker.Step(AsBlobs(100, 125), null);
        tracker.Step(AsBlobs(100, 125), null);
        for (var i = 0; i < framesTogether; i++)
        {
            tracker.Step([new PixelBox(90, 150, 45, 50)], null);
        }

        tracker.ActiveTracks.Should().Be(expectedTracks);
    }

    [Fact]
    public void Step_PersonLostJustShortOfTheLine_CountsNothing()
    {
        // Walking at the line (x = 200), she is last seen 12 px short of it: her prediction alone would carry her over.
        var frames = Enumerable.Range(0, 20).Select(i => 280 - (i * 6) is var x && x >= 212 ? new[] { Person(x) } : []);
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(LineCrossings.None);
    }

    [Fact]
    public void Step_WalkingOntoTheLineAndBack_CountsNothing()
    {
        // She steps 2 px over the line (x = 200), inside its margin, and walks back.
        var frames = Enumerable.Range(0, 60).Select(i => new[] { Person(i < 30 ? 86 + (i * 4) : 202 - ((i - 29) * 4)) });
        WalkPath(new PersonTracker(new TrackerOptions()), frames).Should().Be(LineCrossings.None);
    }
}

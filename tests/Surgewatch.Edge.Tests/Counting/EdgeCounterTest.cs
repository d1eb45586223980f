using Surgewatch.Core.Edge;
using Surgewatch.Edge.Counting;
using Surgewatch.Edge.Sources;
using Surgewatch.Testing.Video;

namespace Surgewatch.Edge.Tests.Counting;

public sealed class EdgeCounterTest : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<FrameCountResult> Run(string video, EdgeCounterOptions options)
    {
        using var source = VideoSource.Open(video);
        using var counter = new EdgeCounter(options, source.Width, source.Height);
        var results = new List<FrameCountResult>();
        EdgeRun.Run(source, counter, options, (_, r) => results.Add(r));
        return results;
    }

    [Fact]
    public void Count_ThreeWalkersApart_OccupancyWithinOneOnAlmostEveryFrame()
    {
        Walker[] walkers = [new(20, 110, 3), new(300, 160, -3), new(60, 225, 2)];
        var video = SyntheticVideo.Write(_dir.File("three.avi"), 80, walkers);

        var results = Run(video, new EdgeCounterOptions());

        results.Should().HaveCount(80);
        var off = Enumerable.Range(10, 70).Count(i => Math.Abs(results[i].Occupancy - SyntheticVideo.Visible(i, walkers)) > 1);
        off.Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Count_WalkersCrossingALine_CountsEachOnceByDirection()
    {
        // The line runs top to bottom, so its right-hand side is x < 160: walking left-to-right is "out", right-to-left "in".
        // The third enters later: people meeting on the line one just behind the other merge into one blob (a known limit).
        Walker[] walkers = [new(20, 110, 4), new(40, 225, 3), new(300, 165, -4, FirstFrame: 20)];
        var video = SyntheticVideo.Write(_dir.File("line.avi"), 90, walkers);
        var options = new EdgeCounterOptions { Line = CountingLine.Parse("160,70 160,239", SyntheticVideo.Width, SyntheticVideo.Height) };

        var results = Run(video, options);

        results.Aggregate(LineCrossings.None, (sum, r) => sum + r.Crossings).Should().Be(new LineCrossings(In: 1, Out: 2));
    }

    [Fact]
    public void Count_TwoWalkersPassingEachOtherOnTheLine_CountsOneEachWay()
    {
        // Slow and on almost the same row, they meet on the line and are one blob for several frames as they pass.
        Walker[] walkers = [new(60, 165, 2), new(260, 168, -2)];

        var crossings = CrossingsOf(_dir.File("passing.avi"), 95, walkers);

        crossings.Should().Be(new LineCrossings(In: 1, Out: 1));
    }

    [Fact]
    public void Count_WalkerUnseenForFramesAtTheLine_CountsOnce()
    {
        // The detector misses it for the five frames in which it steps over the line (x 148 to 164).
        var crossings = CrossingsOf(_dir.File("unseen.avi"), 70, new Walker(40, 165, 4, Unseen: (27, 31)));

        crossings.Should().Be(new LineCrossings(In: 0, Out: 1));
    }

    [Fact]
    public void Count_WalkerTurningBackOnTheLine_CountsNothing()
    {
        // It walks up to the line (x 160 at the turn) and back the way it came.
        var crossings = CrossingsOf(_dir.File("turn.avi"), 60, new Walker(44, 165, 4, TurnFrame: 29));

        crossings.Should().Be(LineCrossings.None);
    }

    /// <summary>Crossings of the vertical line x = 160 (in: right to left) over a synthetic video of <paramref name="walkers"/>.</summary>
    private static LineCrossings CrossingsOf(string path, int frames, params Walker[] walkers)
    {
        var video = SyntheticVideo.Write(path, frames, walkers);
        var options = new EdgeCounterOptions { Line = CountingLine.Parse("160,70 160,239", SyntheticVideo.Width, SyntheticVideo.Height) };
        return Run(video, options).Aggregate(LineCrossings.None, (sum, r) => sum + r.Crossings);
    }

    [Fact]
    public void Count_Region_CountsOnlyPeopleStandingInIt()
    {
        // They enter after the first frames, as in a real scene: whoever stands at the start of a short file is partly learned as background.
        Walker[] walkers = [new(20, 110, 2, FirstFrame: 8), new(300, 200, -2, FirstFrame: 8)];
        var video = SyntheticVideo.Write(_dir.File("region.avi"), 68, walkers);
        var options = new EdgeCounterOptions { Region = CountingRegion.Parse("0,0 160,0 160,150 0,150", SyntheticVideo.Width, SyntheticVideo.Height) };

        var results = Run(video, options);

        results.Skip(16).Select(r => r.Occupancy).Should().AllSatisfy(o => o.Should().Be(1), string.Join(" ", results.Select(r => r.Raw)));
    }

    [Fact]
    public void Count_Stride_CountsEveryNthFrame()
    {
        var video = SyntheticVideo.Write(_dir.File("stride.avi"), 40, new Walker(20, 110, 3));

        Run(video, new EdgeCounterOptions { Stride = 4 }).Should().HaveCount(10);
    }
}

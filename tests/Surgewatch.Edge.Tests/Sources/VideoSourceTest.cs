using OpenCvSharp;
using Surgewatch.Edge.Sources;
using Surgewatch.Testing.Video;

namespace Surgewatch.Edge.Tests.Sources;

public sealed class VideoSourceTest : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_MissingFile_ThrowsNamingIt()
    {
        var open = () => VideoSource.Open(_dir.File("nope.avi"));
        open.Should().Throw<VideoSourceException>().WithMessage("*nope.avi*no such file*");
    }

    [Fact]
    public void Open_NotAVideo_ThrowsSayingSo()
    {
        File.WriteAllText(_dir.File("notes.avi"), "this is not a video");
        var open = () => VideoSource.Open(_dir.File("notes.avi"));
        open.Should().Throw<VideoSourceException>().WithMessage("*cannot be opened as video*");
    }

    [Fact]
    public void Open_SyntheticVideo_ReportsSizeAndRate()
    {
        using var source = VideoSource.Open(SyntheticVideo.Write(_dir.File("v.avi"), 5, new Walker(10, 100, 1)));
        (source.Width, source.Height, source.FramesPerSecond, source.IsLive).Should().Be((320, 240, 10.0, false));
    }

    [Fact]
    public void Read_LiveStreamThatDrops_IsReopenedAfterItsBackOffAndGoesOnYieldingFrames()
    {
        // A five-frame clip played as a stream: its end is the stream dropping.
        var clip = SyntheticVideo.Write(_dir.File("stream.avi"), 5, new Walker(10, 100, 1));
        using var source = VideoSource.Open(clip, live: true, [TimeSpan.FromMilliseconds(20)]);
        using var frame = new Mat();

        var read = Enumerable.Range(0, 12).Count(_ => source.Read(frame));

        read.Should().Be(12, "every drop was followed by a reconnect that yielded a frame");
        source.Reconnects.Should().Be(2, "the stream dropped after frames 5 and 10");
        frame.Empty().Should().BeFalse();
    }

    [Fact]
    public void FramesLost_LiveStreamGoneForLongerThanAFrame_CountsTheFramesTheOutagesCostNotTheOutages()
    {
        // Two outages of at least 400 ms on a 10 frames/s stream: at least 3 frames lost in each (the 4th period brings
        // the frame that ends it), where counting outages would say 2.
        var clip = SyntheticVideo.Write(_dir.File("slow.avi"), 5, new Walker(10, 100, 1));
        var started = TimeProvider.System.GetTimestamp();
        using var source = VideoSource.Open(clip, live: true, [TimeSpan.FromMilliseconds(400)]);
        using var frame = new Mat();

        var read = Enumerable.Range(0, 12).Count(_ => source.Read(frame));

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        read.Should().Be(12);
        source.Reconnects.Should().Be(2);
        // A loaded machine may wake from the back-off late, so the most frames lost follow from the time the run really
        // took: no more than its frame periods (each outage rounded up by at most one).
        var most = (int)Math.Ceiling(elapsed.TotalSeconds * 10) + 2;
        source.FramesLost.Should().BeInRange(6, most, "each outage lasted 4 or more frame periods of the stream, within {0:0} ms", elapsed.TotalMilliseconds);
    }

    [Fact]
    public void FramesLost_File_IsZero()
    {
        using var source = VideoSource.Open(SyntheticVideo.Write(_dir.File("file.avi"), 5, new Walker(10, 100, 1)));
        using var frame = new Mat();

        while (source.Read(frame))
        {
        }

        source.FramesLost.Should().Be(0, "a file that ends lost nothing");
    }

    [Fact]
    public void Read_LiveStreamGoneForGood_RetriesWithBackOffUntilCancelled()
    {
        var clip = SyntheticVideo.Write(_dir.File("gone.avi"), 2, new Walker(10, 100, 1));
        using var source = VideoSource.Open(clip, live: true, [TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(30)]);
        using var frame = new Mat();
        source.Read(frame).Should().BeTrue();
        source.Read(frame).Should().BeTrue();
        File.Delete(clip);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var started = TimeProvider.System.GetTimestamp();

        var yielded = source.Read(frame, stop.Token);

        var elapsed = TimeProvider.System.GetElapsedTime(started);

        yielded.Should().BeFalse("the stream never came back before the cancellation");
        elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350), "it waited for the cancellation, not giving up early");
        // A loaded machine may fire the cancellation late, so the most attempts follow from the time it really took:
        // one after 10 ms, then one per 30 ms at most.
        var most = 1 + (int)((elapsed.TotalMilliseconds - 10) / 30);
        source.Reconnects.Should().BeInRange(3, most, "it kept trying, 10 ms then every 30 ms, for {0:0} ms", elapsed.TotalMilliseconds);
    }

    [Fact]
    public void Skip_LiveStreamThatDropsWhileSkipping_IsReopenedLikeARead()
    {
        var clip = SyntheticVideo.Write(_dir.File("skipped.avi"), 5, new Walker(10, 100, 1));
        using var source = VideoSource.Open(clip, live: true, [TimeSpan.FromMilliseconds(20)]);

        var skipped = Enumerable.Range(0, 12).Count(_ => source.Skip());

        skipped.Should().Be(12, "a frame stride must not end a live run when the stream drops between counted frames");
        source.Reconnects.Should().Be(2);
    }
}

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
}

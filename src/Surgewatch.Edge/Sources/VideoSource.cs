using System.Diagnostics;
using OpenCvSharp;

namespace Surgewatch.Edge.Sources;

/// <summary>
/// A video file, RTSP/HTTP stream or V4L device, decoded one frame at a time into a single reused buffer: the process
/// never holds more than the frame being counted (plus the decoder's own small queue). A live stream that drops is
/// reopened with back-off; a file simply ends.
/// </summary>
public sealed class VideoSource : IDisposable
{
    private static readonly TimeSpan[] ReconnectDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];
    private readonly string _location;
    private readonly IReadOnlyList<TimeSpan> _delays;
    private VideoCapture _capture;
    private long _lastFrameAt = Stopwatch.GetTimestamp();

    private VideoSource(string location, VideoCapture capture, bool live, IReadOnlyList<TimeSpan> delays)
    {
        _location = location;
        _capture = capture;
        _delays = delays;
        IsLive = live;
        Width = capture.FrameWidth;
        Height = capture.FrameHeight;
        var fps = capture.Fps;
        FramesPerSecond = double.IsFinite(fps) && fps > 0 && fps < 1000 ? fps : 10;
    }

    /// <summary>Frame width in pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height in pixels.</summary>
    public int Height { get; }

    /// <summary>The source's frame rate (10 when it does not say).</summary>
    public double FramesPerSecond { get; }

    /// <summary>Whether the source is a stream or device (reconnected when it drops) rather than a file.</summary>
    public bool IsLive { get; }

    /// <summary>
    /// Frames a live source should have delivered but did not: for each outage, the time from the last frame before it
    /// to the first after it (or to the cancellation) times the source's frame rate, less the frame that ended it;
    /// at least one per outage. A file loses none.
    /// </summary>
    public long FramesLost { get; private set; }

    /// <summary>Times a live source was reopened.</summary>
    public int Reconnects { get; private set; }

    /// <summary>Opens <paramref name="location"/> and checks that it yields frames.</summary>
    /// <exception cref="VideoSourceException">Missing file, unopenable source, or no decodable frame.</exception>
    public static VideoSource Open(string location) => Open(location, IsLiveLocation(location), ReconnectDelays);

    /// <summary>
    /// Opens <paramref name="location"/> as a live source (<paramref name="live"/>: reopened when it stops yielding) with
    /// the back-off <paramref name="delays"/> (the last repeats); for tests, which play a file as a stream that drops.
    /// </summary>
    internal static VideoSource Open(string location, bool live, IReadOnlyList<TimeSpan> delays)
    {
        if (!IsLiveLocation(location) && !File.Exists(location))
        {
            throw new VideoSourceException($"--source '{location}': no such file.");
        }

        var capture = Capture(location);
        if (!capture.IsOpened() || capture.FrameWidth <= 0 || capture.FrameHeight <= 0)
        {
            capture.Dispose();
            throw new VideoSourceException($"--source '{location}': cannot be opened as video (check the path, URL or device, and that it is a format FFmpeg decodes).");
        }

        return new VideoSource(location, capture, live, delays);
    }

    /// <summary>
    /// Reads the next frame into <paramref name="frame"/>; false at the end of a file. A live source that fails is reopened
    /// with back-off until it yields again or <paramref name="cancellation"/> fires.
    /// </summary>
    public bool Read(Mat frame, CancellationToken cancellation = default)
    {
        if (_capture.Read(frame) && !frame.Empty())
        {
            _lastFrameAt = Stopwatch.GetTimestamp();
            return true;
        }

        return IsLive && Reconnect(frame, cancellation);
    }

    /// <summary>
    /// Skips the next frame without decoding it (for a frame stride); false at the end of a file. A live source that
    /// fails is reopened with back-off, as <see cref="Read"/> does, until it yields again or <paramref name="cancellation"/> fires.
    /// </summary>
    public bool Skip(CancellationToken cancellation = default)
    {
        if (_capture.Grab())
        {
            _lastFrameAt = Stopwatch.GetTimestamp();
            return true;
        }

        if (!IsLive)
        {
            return false;
        }

        using var scratch = new Mat();
        return Reconnect(scratch, cancellation);
    }

    /// <summary>Goes back to the first frame of a file (after background priming).</summary>
    public void Rewind()
    {
        if (!IsLive)
        {
            _capture.Dispose();
            _capture = Capture(_location);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _capture.Dispose();

    private bool Reconnect(Mat frame, CancellationToken cancellation)
    {
        for (var attempt = 0; !cancellation.IsCancellationRequested; attempt++)
        {
            if (cancellation.WaitHandle.WaitOne(_delays[Math.Min(attempt, _delays.Count - 1)]))
            {
                break;
            }

            _capture.Dispose();
            _capture = Capture(_location);
            Reconnects++;
            if (_capture.IsOpened() && _capture.Read(frame) && !frame.Empty())
            {
                CountLost(frameEndedIt: true);
                return true;
            }
        }

        CountLost(frameEndedIt: false);
        return false;
    }

    /// <summary>Adds the frames the outage since the last delivered frame cost (at least one).</summary>
    private void CountLost(bool frameEndedIt)
    {
        var now = Stopwatch.GetTimestamp();
        var periods = (long)Math.Round(Stopwatch.GetElapsedTime(_lastFrameAt, now).TotalSeconds * FramesPerSecond);
        FramesLost += Math.Max(1, frameEndedIt ? periods - 1 : periods);
        _lastFrameAt = now;
    }

    private static VideoCapture Capture(string location) =>
        location.StartsWith("/dev/video", StringComparison.Ordinal) && int.TryParse(location.AsSpan("/dev/video".Length), out var index)
            ? new VideoCapture(index, VideoCaptureAPIs.V4L2)
            : new VideoCapture(location);

    private static bool IsLiveLocation(string location) =>
        location.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("/dev/video", StringComparison.Ordinal);
}

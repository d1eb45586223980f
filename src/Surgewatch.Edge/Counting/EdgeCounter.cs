using System.Diagnostics;
using OpenCvSharp;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Counting;

/// <summary>What one counted frame gave: never the frame or a box, only numbers.</summary>
/// <param name="Raw">People detected in the region in this frame.</param>
/// <param name="Occupancy">The smoothed occupancy.</param>
/// <param name="Crossings">Line crossings completed in this frame.</param>
public readonly record struct FrameCountResult(int Raw, double Occupancy, LineCrossings Crossings);

/// <summary>
/// Counts people frame by frame: detect, keep those standing in the region, smooth, and track for line crossings.
/// Each frame is seen only during <see cref="Count"/>; nothing derived from it but numbers leaves this class.
/// </summary>
public sealed class EdgeCounter : IDisposable
{
    private readonly EdgeCounterOptions _options;
    private readonly CountingRegion _region;
    private readonly Detection.IPersonDetector _detector;
    private readonly OccupancySmoother _smoother;
    private readonly PersonTracker _tracker;

    /// <summary>A counter for frames of <paramref name="width"/> × <paramref name="height"/>.</summary>
    public EdgeCounter(EdgeCounterOptions options, int width, int height)
    {
        _options = options;
        _region = options.Region ?? CountingRegion.WholeFrame(width, height);
        _detector = options.CreateDetector();
        _smoother = new OccupancySmoother(options.SmoothingWindow);
        _tracker = new PersonTracker(options.Tracking);
    }

    /// <summary>Frames counted so far.</summary>
    public long FramesCounted { get; private set; }

    /// <summary>Total time spent detecting, for the mean detection time.</summary>
    public TimeSpan DetectionTime { get; private set; }

    /// <summary>Learns the background from a frame without counting it.</summary>
    public void Learn(Mat frame) => _detector.Learn(frame);

    /// <summary>Counts <paramref name="frame"/>.</summary>
    public FrameCountResult Count(Mat frame)
    {
        var started = Stopwatch.GetTimestamp();
        var people = _detector.Detect(frame);
        DetectionTime += Stopwatch.GetElapsedTime(started);
        var inRegion = 0;
        foreach (var p in people)
        {
            if (_region.Contains(p.Foot))
            {
                inRegion++;
            }
        }

        var crossings = _tracker.Step(people, _options.Line);
        FramesCounted++;
        return new FrameCountResult(inRegion, _smoother.Add(inRegion), crossings);
    }

    /// <summary>Forgets smoothing and tracks after a gap in a live stream.</summary>
    public void Reset()
    {
        _smoother.Reset();
        _tracker.Reset();
    }

    /// <inheritdoc/>
    public void Dispose() => _detector.Dispose();
}

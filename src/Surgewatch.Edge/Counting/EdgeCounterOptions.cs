using Surgewatch.Core.Edge;
using Surgewatch.Edge.Detection;

namespace Surgewatch.Edge.Counting;

/// <summary>Which detector finds people.</summary>
public enum DetectorKind
{
    /// <summary>Moving-foreground blobs split by person width (<see cref="MotionPersonDetector"/>); the default.</summary>
    Motion,

    /// <summary>OpenCV's HOG people detector, upscaled, filtered by motion (<see cref="HogPersonDetector"/>).</summary>
    Hog,

    /// <summary>The shipped YOLOX-Nano network's person class (<see cref="YoloxPersonDetector"/>).</summary>
    Yolox,
}

/// <summary>Everything <c>edge count</c> and <c>edge evaluate</c> share, so evaluation measures what runs.</summary>
public sealed record EdgeCounterOptions
{
    /// <summary>The polygon counted; null is the whole frame.</summary>
    public CountingRegion? Region { get; init; }

    /// <summary>The line whose crossings are counted, if any.</summary>
    public CountingLine? Line { get; init; }

    /// <summary>The detector.</summary>
    public DetectorKind Detector { get; init; } = DetectorKind.Motion;

    /// <summary>Detector settings.</summary>
    public DetectorOptions Detection { get; init; } = new();

    /// <summary>Tracker settings (line crossings).</summary>
    public TrackerOptions Tracking { get; init; } = new();

    /// <summary>Frames the occupancy median is taken over.</summary>
    public int SmoothingWindow { get; init; } = 9;

    /// <summary>Count every Nth frame (the others are skipped undecoded), to stay real-time on a slow machine.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>
    /// For a file: frames read before counting, spread over its start, so the background is known from the first counted
    /// frame (a live source simply warms up).
    /// </summary>
    public int PrimingFrames { get; init; } = 60;

    /// <summary>Creates the configured detector.</summary>
    public IPersonDetector CreateDetector() => Detector switch
    {
        DetectorKind.Hog => new HogPersonDetector(Detection),
        DetectorKind.Yolox => new YoloxPersonDetector(Detection),
        _ => new MotionPersonDetector(Detection),
    };
}

namespace Surgewatch.Core.Edge;

/// <summary>How <see cref="PersonTracker"/> associates detections: by position and motion only, never by appearance.</summary>
public sealed record TrackerOptions
{
    /// <summary>Smallest overlap (IoU) between a track's predicted box and a detection for them to be associated.</summary>
    public double MinOverlap { get; init; } = 0.2;

    /// <summary>
    /// A detection whose foot is within this many box heights of a track's predicted foot is also associated, so a
    /// small, fast person whose boxes do not overlap from frame to frame keeps one track.
    /// </summary>
    public double MaxFootDistanceInHeights { get; init; } = 0.5;

    /// <summary>Frames a track survives with no detection where it is predicted, coasting on its velocity; after that it is dropped.</summary>
    public int MaxMissedFrames { get; init; } = 5;

    /// <summary>
    /// Frames a track survives inside another track's detection (people passing or walking together seen as one blob),
    /// held inside that blob; after that it is dropped. Longer than <see cref="MaxMissedFrames"/>: the blob shows the
    /// person is still there.
    /// </summary>
    public int MaxHiddenFrames { get; init; } = 30;

    /// <summary>The share of a track's predicted box that must lie inside another track's detection for it to be hidden there.</summary>
    public double MinShareInGroup { get; init; } = 0.5;

    /// <summary>How much of the measured position the filter takes (the alpha of an alpha-beta filter).</summary>
    public double PositionGain { get; init; } = 0.6;

    /// <summary>How much of the measured velocity change the filter takes (the beta of an alpha-beta filter).</summary>
    public double VelocityGain { get; init; } = 0.3;

    /// <summary>
    /// How far past the line, in box heights, a foot must be for its side to count: a person dithering on the line is
    /// never counted, and one who crosses and later comes back counts once each way.
    /// </summary>
    public double LineMarginInHeights { get; init; } = 0.1;

    /// <summary>Detections a track needs before its crossings count, so a one-frame false detection never counts.</summary>
    public int MinHits { get; init; } = 2;
}

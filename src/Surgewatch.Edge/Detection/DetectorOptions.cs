using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>Settings shared by the detectors; the defaults are the ones measured in docs/benchmarks/history/edge-counter.md.</summary>
public sealed record DetectorOptions
{
    /// <summary>Frames of history in the background model (MOG2); a person standing still this long fades into the background.</summary>
    public int BackgroundHistory { get; init; } = 500;

    /// <summary>MOG2's variance threshold: higher ignores more noise and more of the faint parts of people.</summary>
    public double BackgroundThreshold { get; init; } = 25;

    /// <summary>Smallest foreground blob height, in pixels, that can be a person.</summary>
    public int MinPersonHeight { get; init; } = 18;

    /// <summary>Width of one walking person as a share of their height; a wider blob is split into that many people.</summary>
    public double PersonWidthRatio { get; init; } = 0.4;

    /// <summary>Expected person height across the frame, if calibrated; otherwise each blob's own height is used.</summary>
    public PerspectiveModel? Perspective { get; init; }

    /// <summary>HOG only: the factor frames are enlarged by so that people smaller than HOG's 64×128 window are found.</summary>
    public double HogUpscale { get; init; } = 1.5;

    /// <summary>HOG only: the share of a box that must be moving foreground for it to count (rejects static false positives).</summary>
    public double HogMinForeground { get; init; } = 0.15;

    /// <summary>
    /// HOG only, with a <see cref="Perspective"/>: the smallest person height, as a share of the height expected at the
    /// box's feet, that counts. 0.5 keeps children down to about half an adult's height, and a calibration read a little
    /// high; it rejects texture found at a scale far too small for where it stands.
    /// </summary>
    public double HogMinHeightRatio { get; init; } = 0.5;

    /// <summary>
    /// HOG only, with a <see cref="Perspective"/>: the largest person height, as a share of the expected, that counts.
    /// 1.6 keeps tall adults (about 1.1× the typical one) with HOG's scale steps and box margin (about 1.2×) and a
    /// calibration read a little low (about 1.1×); it rejects boxes around a whole group or at twice the right scale.
    /// </summary>
    public double HogMaxHeightRatio { get; init; } = 1.6;

    /// <summary>YOLOX only: the smallest person score (objectness × person class) that counts.</summary>
    public double YoloxMinScore { get; init; } = 0.3;

    /// <summary>
    /// YOLOX only: the share of a box that must be moving foreground for it to count; 0 keeps every box, standing
    /// people and static look-alikes alike.
    /// </summary>
    public double YoloxMinForeground { get; init; } = 0.15;
}

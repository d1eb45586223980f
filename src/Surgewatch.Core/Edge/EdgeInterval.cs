namespace Surgewatch.Core.Edge;

/// <summary>
/// The counts of one interval, or its absence. When fewer than half the expected frames were processed the interval is
/// missing: <see cref="Occupancy"/> and <see cref="Crossings"/> are null, never 0.
/// </summary>
/// <param name="Start">The interval's start.</param>
/// <param name="Occupancy">Mean smoothed occupancy over the interval's frames, rounded to whole people (the server stores people counts as whole numbers); null when missing.</param>
/// <param name="Crossings">Line crossings in the interval; null when missing or when no line is counted.</param>
/// <param name="FramesProcessed">Frames counted in the interval.</param>
/// <param name="FramesExpected">Frames the source's rate promised in the interval.</param>
public sealed record EdgeInterval(DateTimeOffset Start, double? Occupancy, LineCrossings? Crossings, int FramesProcessed, int FramesExpected)
{
    /// <summary>Whether too few frames were processed for the interval to be reported.</summary>
    public bool IsMissing => Occupancy is null;
}

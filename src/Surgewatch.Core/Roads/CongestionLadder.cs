using Surgewatch.Core.Series;

namespace Surgewatch.Core.Roads;

/// <summary>
/// The one ladder from a road sensor's speed to its <see cref="CongestionLevel"/>: the ratio of the speed to the sensor's
/// free-flow speed against three descending ratios. The defaults are free ≥ 0.8, slowing 0.6–0.8, congested 0.4–0.6,
/// jammed &lt; 0.4; a roads file can set them per road. A missing, zero or negative speed is an outage (NoData): loop
/// detectors report 0 for a gap, and a gap is never a jam.
/// </summary>
public sealed record CongestionLadder
{
    /// <summary>The default ladder: 0.8, 0.6, 0.4.</summary>
    public static CongestionLadder Default { get; } = new(0.8, 0.6, 0.4);

    /// <summary>Creates a ladder; the ratios must satisfy 1 ≥ slowing &gt; congested &gt; jammed &gt; 0.</summary>
    /// <exception cref="ArgumentException">The ratios are out of order or out of (0, 1].</exception>
    public CongestionLadder(double slowing, double congested, double jammed)
    {
        if (!(slowing <= 1 && slowing > congested && congested > jammed && jammed > 0))
        {
            throw new ArgumentException($"Congestion ratios must satisfy 1 ≥ slowing > congested > jammed > 0; got {slowing}, {congested}, {jammed}.");
        }

        (Slowing, Congested, Jammed) = (slowing, congested, jammed);
    }

    /// <summary>Below this ratio of free flow a road is slowing.</summary>
    public double Slowing { get; }

    /// <summary>Below this ratio a road is congested (the level an onset and the congestion rule are about).</summary>
    public double Congested { get; }

    /// <summary>Below this ratio a road is jammed.</summary>
    public double Jammed { get; }

    /// <summary>Whether <paramref name="speed"/> is an outage rather than a reading: missing, zero or negative.</summary>
    public static bool IsOutage(double speed) => Missing.Is(speed) || speed <= 0;

    /// <summary>The level of <paramref name="speed"/> on a road whose free-flow speed is <paramref name="freeFlow"/>; NoData for an outage or an unknown free flow.</summary>
    public CongestionLevel Of(double speed, double freeFlow)
    {
        if (IsOutage(speed) || !(freeFlow > 0))
        {
            return CongestionLevel.NoData;
        }

        var ratio = speed / freeFlow;
        return ratio < Jammed ? CongestionLevel.Jammed
            : ratio < Congested ? CongestionLevel.Congested
            : ratio < Slowing ? CongestionLevel.Slowing
            : CongestionLevel.Free;
    }

    /// <summary>Whether <paramref name="speed"/> is at least congested (a known speed below <see cref="Congested"/> × free flow).</summary>
    public bool IsCongested(double speed, double freeFlow) => Of(speed, freeFlow) >= CongestionLevel.Congested;

    /// <summary>The speed below which the road is congested.</summary>
    public double CongestedSpeed(double freeFlow) => freeFlow * Congested;

    /// <summary>The level's name as the API and the dashboard write it: <c>free</c>, <c>slowing</c>, <c>congested</c>, <c>jammed</c>, <c>no-data</c>.</summary>
    public static string Name(CongestionLevel level) => level switch
    {
        CongestionLevel.Free => "free",
        CongestionLevel.Slowing => "slowing",
        CongestionLevel.Congested => "congested",
        CongestionLevel.Jammed => "jammed",
        _ => "no-data",
    };
}

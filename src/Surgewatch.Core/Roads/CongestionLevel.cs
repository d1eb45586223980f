namespace Surgewatch.Core.Roads;

/// <summary>How congested a road sensor is, from its speed over its own free-flow speed (<see cref="CongestionLadder"/>).</summary>
public enum CongestionLevel
{
    /// <summary>No usable speed: missing or zero (an outage, never a jam).</summary>
    NoData = -1,

    /// <summary>At or above the slowing ratio of free flow (0.8 by default).</summary>
    Free = 0,

    /// <summary>From the congested ratio up to the slowing ratio (0.6–0.8 by default).</summary>
    Slowing = 1,

    /// <summary>From the jammed ratio up to the congested ratio (0.4–0.6 by default).</summary>
    Congested = 2,

    /// <summary>Below the jammed ratio (0.4 by default).</summary>
    Jammed = 3,
}

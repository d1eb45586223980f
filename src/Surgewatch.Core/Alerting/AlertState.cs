namespace Surgewatch.Core.Alerting;

/// <summary>Where an alert stands in its lifecycle.</summary>
public enum AlertState
{
    /// <summary>The condition does not hold.</summary>
    Inactive = 0,

    /// <summary>The condition holds but has not held long enough to fire.</summary>
    Pending = 1,

    /// <summary>The condition has held long enough; operators are notified.</summary>
    Firing = 2,

    /// <summary>The condition no longer holds, but the alert keeps firing for a while so it does not flap.</summary>
    Recovering = 3,

    /// <summary>The alert is over.</summary>
    Resolved = 4,

    /// <summary>No source reports, so the condition cannot be judged. Never an all-clear.</summary>
    NoData = 5,
}

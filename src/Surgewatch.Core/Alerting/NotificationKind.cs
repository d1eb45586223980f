namespace Surgewatch.Core.Alerting;

/// <summary>What a notification tells its contact.</summary>
public enum NotificationKind
{
    /// <summary>The alert fires (Firing or Recovering).</summary>
    Firing = 0,

    /// <summary>No source reports: the zone cannot be judged, which is not an all-clear.</summary>
    NoData = 1,

    /// <summary>The problem told before is over (resolved, cleared, or data is back).</summary>
    Resolved = 2,
}

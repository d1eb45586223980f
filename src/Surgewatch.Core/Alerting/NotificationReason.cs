namespace Surgewatch.Core.Alerting;

/// <summary>Why a notification is sent now.</summary>
public enum NotificationReason
{
    /// <summary>The alert changed to a kind the contacts have not been told (an all-clear may have waited for the rate limit).</summary>
    Changed = 0,

    /// <summary>The alert still fires unacknowledged and the re-notify interval has passed.</summary>
    Reminder = 1,

    /// <summary>Nobody acknowledged in time, so the next contact of the chain is told.</summary>
    Escalated = 2,

    /// <summary>A notification held back by a silence, sent once the silence is over (and the rate limit allows) with the current kind.</summary>
    Deferred = 3,
}

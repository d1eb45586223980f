namespace Surgewatch.Core.Alerting;

/// <summary>What one alert's contacts have been told so far. Immutable; kept next to the alert's status.</summary>
/// <param name="LastKind">The kind last sent, or null if nothing was sent yet.</param>
/// <param name="LastSentAt">When the last non-escalation notification was sent; the rate limit runs from here.</param>
/// <param name="EpisodeStartedAt">When the open episode's first notification was sent; escalation delays run from here.</param>
/// <param name="StepsReached">How many escalation steps have been told in the open episode.</param>
/// <param name="Owed">Whether a silence held back a notification that is still due.</param>
public sealed record NotificationLedger(
    NotificationKind? LastKind,
    DateTimeOffset? LastSentAt,
    DateTimeOffset? EpisodeStartedAt,
    int StepsReached,
    bool Owed)
{
    /// <summary>Nothing sent yet.</summary>
    public static NotificationLedger Empty { get; } = new(null, null, null, 0, false);
}

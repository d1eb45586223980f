namespace Surgewatch.Core.Alerting;

/// <summary>
/// One episode of an alert, from the event that opened it (Pending or Firing) to the one that closed it (Resolved or
/// Inactive), read back from its stored events by <see cref="AlertEpisodes"/>.
/// </summary>
/// <param name="AlertKey">The alert.</param>
/// <param name="RuleId">Its rule.</param>
/// <param name="Subject">Its zone or counter.</param>
/// <param name="StartedAt">When the condition started to hold (the episode's first event).</param>
/// <param name="FiredAt">When it first fired, or null when it never did (it stayed Pending).</param>
/// <param name="EndedAt">When it resolved, or null while it is open.</param>
/// <param name="Peak">The highest value recorded at the episode's events (the monitor records a value at each change of
/// state, not at every step), or null when none was recorded.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, or null.</param>
/// <param name="AcknowledgedAt">When, or null.</param>
/// <param name="Note">The operator's note on the acknowledgement or manual resolve, or null.</param>
/// <param name="ResolvedBy">Who resolved it by hand, or null when it resolved by itself (or is open).</param>
public sealed record AlertEpisode(
    string AlertKey,
    string RuleId,
    string Subject,
    DateTimeOffset StartedAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? EndedAt,
    double? Peak,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Note,
    string? ResolvedBy)
{
    /// <summary>How long it lasted: to <see cref="EndedAt"/>, or to <paramref name="now"/> while open.</summary>
    public TimeSpan Duration(DateTimeOffset now) => (EndedAt ?? now) - StartedAt;
}

namespace Surgewatch.Core.Alerting;

/// <summary>A one-off silence: mutes matching alerts from <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive).</summary>
/// <param name="Matcher">Which alerts it mutes.</param>
/// <param name="From">Start, inclusive.</param>
/// <param name="Until">End, exclusive.</param>
/// <param name="CreatedBy">The operator who set it, for the audit trail.</param>
public sealed record Silence(AlertMatcher Matcher, DateTimeOffset From, DateTimeOffset Until, string CreatedBy) : ISilence
{
    /// <inheritdoc />
    public bool Mutes(string ruleId, string subject, DateTimeOffset now) =>
        now >= From && now < Until && Matcher.Matches(ruleId, subject);
}

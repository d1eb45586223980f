namespace Surgewatch.Core.Alerting;

/// <summary>Selects alerts by rule and subject; a null field matches any value.</summary>
/// <param name="RuleId">The rule to match, or null for every rule.</param>
/// <param name="Subject">The zone or sensor to match, or null for every subject.</param>
public sealed record AlertMatcher(string? RuleId = null, string? Subject = null)
{
    /// <summary>Matches every alert.</summary>
    public static AlertMatcher Any { get; } = new();

    /// <summary>Whether the alert of <paramref name="ruleId"/> on <paramref name="subject"/> is selected.</summary>
    public bool Matches(string ruleId, string subject) =>
        (RuleId is null || RuleId == ruleId) && (Subject is null || Subject == subject);
}

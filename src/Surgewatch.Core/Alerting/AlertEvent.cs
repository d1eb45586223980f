namespace Surgewatch.Core.Alerting;

/// <summary>One entry of an alert's history: a change of state, or an operator's action on it.</summary>
/// <param name="AlertKey">Identifies the alert (its rule and subject); every event of one alert shares it.</param>
/// <param name="RuleId">The rule that raised it.</param>
/// <param name="Subject">The zone or sensor it is about.</param>
/// <param name="State">The state after this event.</param>
/// <param name="At">When it happened.</param>
/// <param name="Value">The level that triggered it, when there is one.</param>
/// <param name="Actor">Who acted (for acknowledgements and silences), or null for the system.</param>
/// <param name="Note">Free text for the audit trail.</param>
public sealed record AlertEvent(
    string AlertKey,
    string RuleId,
    string Subject,
    AlertState State,
    DateTimeOffset At,
    double? Value = null,
    string? Actor = null,
    string? Note = null);

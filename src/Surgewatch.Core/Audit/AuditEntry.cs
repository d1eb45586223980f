namespace Surgewatch.Core.Audit;

/// <summary>One line of the audit log: who changed what, and when (rule and level changes, acknowledgements, silences).</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who: an operator's name or key name (never a member of the public).</param>
/// <param name="Action">What kind of action, such as <c>alert.acknowledge</c>, <c>silence.create</c> or <c>zone.levels</c>.</param>
/// <param name="Target">What it acted on: an alert key, silence id or zone id.</param>
/// <param name="Detail">Free text: a note, or the old and new values.</param>
public sealed record AuditEntry(DateTimeOffset At, string Actor, string Action, string Target, string? Detail = null);

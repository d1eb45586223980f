namespace Surgewatch.Core.Alerting;

/// <summary>An operator's action on an alert, kept for the audit trail.</summary>
/// <param name="Actor">Who acted (an operator name or handle; never a member of the public).</param>
/// <param name="At">When.</param>
public sealed record OperatorAction(string Actor, DateTimeOffset At);

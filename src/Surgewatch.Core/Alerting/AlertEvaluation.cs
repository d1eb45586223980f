namespace Surgewatch.Core.Alerting;

/// <summary>The outcome of one evaluation or operator action: the new status and what changed.</summary>
/// <param name="Status">The alert after the step.</param>
/// <param name="Events">The transitions and actions, oldest first; empty when nothing changed (repeated evaluations stay silent).</param>
public sealed record AlertEvaluation(AlertStatus Status, IReadOnlyList<AlertEvent> Events);

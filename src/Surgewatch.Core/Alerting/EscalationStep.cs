namespace Surgewatch.Core.Alerting;

/// <summary>One step of an escalation chain: <see cref="Contact"/> is told once <see cref="After"/> has passed since the episode's first notification without an acknowledgement.</summary>
/// <param name="Contact">The contact or channel address (an operator role, a pager route); never a member of the public.</param>
/// <param name="After">Delay from the episode's first notification; the first step's is zero.</param>
public sealed record EscalationStep(string Contact, TimeSpan After);

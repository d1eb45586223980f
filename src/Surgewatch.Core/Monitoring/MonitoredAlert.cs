using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>One alert a monitor holds: a rule on a subject (a zone or a counter), with its status and notification ledger.</summary>
/// <param name="Subject">The zone or counter id (the alert's subject).</param>
/// <param name="Rule">The rule.</param>
/// <param name="Status">The lifecycle status.</param>
/// <param name="Ledger">What its contacts were told.</param>
/// <param name="Silenced">Whether a silence muted it at the last step.</param>
/// <param name="InhibitedBy">The key of the alert of the same subject that inhibited it at the last step (see
/// <see cref="Inhibition"/>), or null.</param>
public sealed record MonitoredAlert(string Subject, AlertRule Rule, AlertStatus Status, NotificationLedger Ledger, bool Silenced, string? InhibitedBy = null)
{
    /// <summary>The alert's key (<c>ruleId/subject</c>).</summary>
    public string Key => Status.Key;

    /// <summary>The rule's severity.</summary>
    public Severity Severity => Rule.Severity;
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>One alert the monitor holds: a rule on a zone, with its status and notification ledger.</summary>
/// <param name="Zone">The zone (the alert's subject).</param>
/// <param name="Rule">The rule and the measure it reads.</param>
/// <param name="Status">The lifecycle status.</param>
/// <param name="Ledger">What its contacts were told.</param>
/// <param name="Silenced">Whether a silence muted it at the last step.</param>
public sealed record MonitoredAlert(ZoneId Zone, ZoneRule Rule, AlertStatus Status, NotificationLedger Ledger, bool Silenced)
{
    /// <summary>The alert's key (<c>ruleId/zoneId</c>).</summary>
    public string Key => Status.Key;

    /// <summary>The rule's severity.</summary>
    public Severity Severity => Rule.Rule.Severity;
}

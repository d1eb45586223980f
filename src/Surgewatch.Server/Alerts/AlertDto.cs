using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// An alert as the API and the hub show it. <c>zoneId</c> is the alert's subject: a zone, or for a counter's surge alert
/// (<c>subjectKind</c> "counter") the counter's sensor id, for a road's congestion alert (<c>subjectKind</c> "road") the road sensor's id. <c>open</c>: the alert belongs in an operator's inbox (see
/// <see cref="AlertStatus.IsOpen"/>); only an open alert is acknowledged. <c>inhibitedBy</c>: the key of a worse alert of
/// the same subject that makes this one redundant (it notifies no one meanwhile; see <see cref="Inhibition"/>).
/// <c>ruleName</c> and <c>unit</c> (of <c>value</c>; null when it has none) come from <see cref="RuleLabels"/>.
/// <c>revision</c> grows with every view the server gives of any alert, and is never behind the wall clock (a thousand per
/// millisecond): of two views of one alert, the one with the higher revision is the newer, so a client drops a live update
/// that was computed before an acknowledgement it already shows; in a cluster this holds across the nodes (as far as
/// their clocks agree), so a zone's new holder's views are newer than the old holder's.
/// </summary>
internal sealed record AlertDto(
    string Key,
    string RuleId,
    string RuleName,
    string ZoneId,
    string SubjectKind,
    string Severity,
    string State,
    bool Open,
    DateTimeOffset Since,
    double? Value,
    string? Unit,
    bool Acknowledged,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    bool Silenced,
    string? InhibitedBy,
    long Revision = 0)
{
    /// <summary>"counter" for the counter surge rule's alerts, "road" for the road congestion rule's, "zone" for every other.</summary>
    public static string SubjectKindOf(string ruleId) => ruleId switch
    {
        Core.Live.SurgeMonitor.RuleId => "counter",
        Core.Roads.CongestionMonitor.RuleId => "road",
        _ => "zone",
    };

    public static AlertDto Of(MonitoredAlert alert, bool silenced)
    {
        var status = alert.Status;
        var label = RuleLabels.Of(status.RuleId);
        return new(
            status.Key,
            status.RuleId,
            label.Name,
            status.Subject,
            SubjectKindOf(status.RuleId),
            Hosting.ApiEnums.Name(alert.Severity),
            Hosting.ApiEnums.Name(status.State),
            status.IsOpen,
            status.Since,
            status.LastValue is { } v ? Math.Round(v, 3) : null,
            label.Unit,
            status.Acknowledged is not null,
            status.Acknowledged?.Actor,
            status.Acknowledged?.At,
            silenced,
            status.IsOpen ? alert.InhibitedBy : null);
    }
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// An alert as the API and the hub show it. <c>zoneId</c> is the alert's subject: a zone, or for a counter's surge alert
/// (<c>subjectKind</c> "counter") the counter's sensor id.
/// </summary>
internal sealed record AlertDto(
    string Key,
    string RuleId,
    string ZoneId,
    string SubjectKind,
    string Severity,
    string State,
    DateTimeOffset Since,
    double? Value,
    bool Acknowledged,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    bool Silenced)
{
    public static AlertDto Of(AlertStatus status, Severity severity, bool silenced, string subjectKind = "zone") => new(
        status.Key,
        status.RuleId,
        status.Subject,
        subjectKind,
        Hosting.ApiEnums.Name(severity),
        Hosting.ApiEnums.Name(status.State),
        status.Since,
        status.LastValue is { } v ? Math.Round(v, 3) : null,
        status.Acknowledged is not null,
        status.Acknowledged?.Actor,
        status.Acknowledged?.At,
        silenced);
}

using System.Globalization;
using Surgewatch.Core.Alerting;

namespace Surgewatch.Notifications.Delivery;

/// <summary>The human-readable subject and body of a notification, shared by the channels.</summary>
public static class NotificationText
{
    /// <summary>A one-line subject, such as <c>[FIRING] density-alarm on plaza (4.20)</c>.</summary>
    public static string Subject(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var value = n.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $" ({v:0.00})") : string.Empty;
        return $"[{Kind(n.Kind)}] {n.RuleId} on {n.Subject}{value}";
    }

    /// <summary>A few lines for an e-mail body.</summary>
    public static string Body(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return string.Create(CultureInfo.InvariantCulture, $"""
            Alert:   {n.AlertKey}
            State:   {Kind(n.Kind)} ({n.Reason})
            Rule:    {n.RuleId}
            Zone:    {n.Subject}
            Value:   {(n.Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-")}
            At:      {n.At:yyyy-MM-dd HH:mm:ss} UTC

            Acknowledge it in the Surgewatch dashboard to stop escalation.
            """);
    }

    /// <summary>FIRING, NODATA or RESOLVED.</summary>
    public static string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.Firing => "FIRING",
        NotificationKind.NoData => "NODATA",
        _ => "RESOLVED",
    };
}

using System.Text.Json;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;

namespace Surgewatch.Notifications.Webhook;

/// <summary>The JSON body posted for a notification (camelCase; kind and reason as lower-case words).</summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The UTF-8 body for <paramref name="n"/>.</summary>
    public static byte[] Serialize(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var body = new Body(
            n.AlertKey, n.RuleId, n.Subject, n.Contact, NotificationText.Kind(n.Kind).ToLowerInvariant(), n.Reason.ToString().ToLowerInvariant(),
            n.At, n.Value, NotificationText.Subject(n));
        return JsonSerializer.SerializeToUtf8Bytes(body, Options);
    }

    private sealed record Body(string AlertKey, string RuleId, string ZoneId, string Contact, string Kind, string Reason, DateTimeOffset At, double? Value, string Summary);
}

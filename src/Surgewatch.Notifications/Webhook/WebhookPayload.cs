using System.Text.Json;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;

namespace Surgewatch.Notifications.Webhook;

/// <summary>
/// The JSON body posted for a notification: camelCase names; kind and reason kebab-case like every enum value the API
/// writes (<c>firing</c>, <c>no-data</c>, <c>resolved</c>; <c>changed</c>, <c>reminder</c>, …); <c>deliveryId</c> is the
/// notification's delivery id, also sent in the <c>X-Surgewatch-Delivery</c> header, and covered by the signature here.
/// </summary>
public static class WebhookPayload
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The UTF-8 body for <paramref name="n"/>.</summary>
    public static byte[] Serialize(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var body = new Body(
            n.AlertKey, n.RuleId, n.Subject, n.Contact, Kebab(n.Kind.ToString()), Kebab(n.Reason.ToString()),
            n.At, n.Value, NotificationText.Subject(n), n.DeliveryId);
        return JsonSerializer.SerializeToUtf8Bytes(body, Options);
    }

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    private sealed record Body(string AlertKey, string RuleId, string ZoneId, string Contact, string Kind, string Reason, DateTimeOffset At, double? Value, string Summary, string DeliveryId);
}

using System.Text.Json;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Webhook;

namespace Surgewatch.Notifications.Tests.Webhook;

public class WebhookPayloadTest
{
    [Theory]
    [InlineData(NotificationKind.Firing, NotificationReason.Changed, "firing", "changed")]
    [InlineData(NotificationKind.NoData, NotificationReason.Reminder, "no-data", "reminder")]
    [InlineData(NotificationKind.Resolved, NotificationReason.Escalated, "resolved", "escalated")]
    public void Serialize_KindAndReason_AreKebabCase(NotificationKind kind, NotificationReason reason, string kindName, string reasonName)
    {
        var notification = TestNotifications.Firing() with { Kind = kind, Reason = reason };

        using var json = JsonDocument.Parse(WebhookPayload.Serialize(notification));

        json.RootElement.GetProperty("kind").GetString().Should().Be(kindName);
        json.RootElement.GetProperty("reason").GetString().Should().Be(reasonName);
        json.RootElement.GetProperty("at").GetString().Should().EndWith("+00:00", "every time carries its offset");
    }
}

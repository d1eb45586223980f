using Surgewatch.Core.Alerting;

namespace Surgewatch.Notifications.Delivery;

/// <summary>A way to tell a contact about an alert (one implementation per folder: Webhook, Email).</summary>
public interface INotificationChannel
{
    /// <summary>The channel's name in the notification ledger, such as <c>webhook</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Delivers <paramref name="notification"/>, retrying where the channel allows, and returns the outcome (also
    /// recorded in the ledger). Failures are outcomes, not exceptions; only cancellation throws.
    /// </summary>
    Task<NotificationDelivery> DeliverAsync(Notification notification, CancellationToken cancellationToken = default);
}

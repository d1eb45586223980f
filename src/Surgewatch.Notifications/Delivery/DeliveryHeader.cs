namespace Surgewatch.Notifications.Delivery;

/// <summary>The header that carries a notification's delivery id, in every channel that has headers (webhook, e-mail).</summary>
public static class DeliveryHeader
{
    /// <summary>
    /// <c>X-Surgewatch-Delivery</c>: the notification's <see cref="Core.Alerting.Notification.DeliveryId"/>, the same on
    /// every attempt and from every node, so that a receiver that keeps the ids it has seen drops repeats.
    /// </summary>
    public const string Name = "X-Surgewatch-Delivery";
}

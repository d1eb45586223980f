namespace Surgewatch.Core.Alerting;

/// <summary>The port of the notification ledger: every delivery and failure, appended, never changed.</summary>
public interface INotificationLog
{
    /// <summary>Appends <paramref name="deliveries"/>, in order.</summary>
    Task AppendDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken = default);

    /// <summary>Deliveries at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}

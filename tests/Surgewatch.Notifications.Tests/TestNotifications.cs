using Surgewatch.Core.Alerting;

namespace Surgewatch.Notifications.Tests;

internal static class TestNotifications
{
    public static Notification Firing(string contact = "duty") =>
        new("density-alarm/plaza", "density-alarm", "plaza", contact, NotificationKind.Firing, NotificationReason.Changed,
            new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), 4.2);
}

/// <summary>An in-memory notification ledger.</summary>
internal sealed class MemoryLog : INotificationLog
{
    public List<NotificationDelivery> Deliveries { get; } = [];

    public Task AppendDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        lock (Deliveries)
        {
            Deliveries.AddRange(deliveries);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<NotificationDelivery>>([.. Deliveries.Where(d => d.At >= since).Take(limit)]);
}

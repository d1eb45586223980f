using Surgewatch.Core.Alerting;
using Surgewatch.Core.Storage;

namespace Surgewatch.Core.Outbox;

/// <summary>What every store adapter does before it writes notifications to the outbox.</summary>
public static class OutboxWrites
{
    /// <summary>
    /// Checks each notification (<see cref="StoreChecks.Check(Notification)"/>) and returns them once per delivery id, in
    /// ordinal order of the id. Writing in one order everywhere means that two nodes enqueueing the same notifications
    /// at once take their row locks in the same order, so neither waits on the other in a deadlock.
    /// </summary>
    public static IReadOnlyList<Notification> InKeyOrder(IReadOnlyList<Notification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var byId = new SortedDictionary<string, Notification>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            StoreChecks.Check(notification);
            byId.TryAdd(notification.DeliveryId, notification);
        }

        return [.. byId.Values];
    }
}

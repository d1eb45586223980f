using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Outbox;

/// <summary>
/// The port of the notification outbox: planned notifications kept in the store until they are sent, so that a
/// notification survives the node that planned it. Entries are keyed by <see cref="Notification.DeliveryId"/>. A
/// sender claims due entries for a lease; an entry whose claim has lapsed (its sender died or stopped) can be claimed
/// again, by another node or by the same one after a restart. Every time is passed in, never read from a clock.
/// </summary>
/// <remarks>
/// Delivery is at least once: a sender that outlives its lease while still sending may send an entry that another
/// sender sends too, with the same delivery id, which is what receivers de-duplicate on. Settled entries (delivered or
/// given up) are kept, so that the same delivery id enqueued again is still recognised.
/// </remarks>
public interface INotificationOutbox
{
    /// <summary>
    /// Adds <paramref name="notifications"/>, due at <paramref name="now"/>, in one transaction. A notification whose
    /// delivery id the outbox already holds, in whatever state, is left out (as is a repeat within the list), so
    /// enqueueing is idempotent. Returns how
    /// many were added.
    /// </summary>
    /// <exception cref="ArgumentException">A notification without a delivery id, alert key or contact, or with an unknown kind or reason (<see cref="Storage.StoreChecks"/>); nothing is added.</exception>
    Task<int> EnqueueAsync(IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims, atomically, up to <see cref="OutboxClaim.Limit"/> unsettled entries that are due and not held by a live
    /// lease, for <see cref="OutboxClaim.Claimant"/> until <see cref="OutboxClaim.LeaseUntil"/>; each entry goes to one
    /// claimer only. Returns them oldest due first, each with its <see cref="OutboxEntry.Claims"/> counted up.
    /// </summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks entry <paramref name="deliveryId"/> delivered at <paramref name="at"/>, whoever holds it (a sender whose
    /// lease lapsed still did deliver); it is never claimed again. False when it is unknown or already settled.
    /// </summary>
    Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Releases <paramref name="claimant"/>'s claim on entry <paramref name="deliveryId"/> and makes it due again at
    /// <paramref name="dueAt"/>, recording <paramref name="error"/>. False (and nothing changes) when the entry is settled
    /// or <paramref name="claimant"/> no longer holds it, because its lease lapsed and another sender claimed it.
    /// </summary>
    Task<bool> RescheduleAsync(string deliveryId, string claimant, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gives entry <paramref name="deliveryId"/> up at <paramref name="at"/> with <paramref name="error"/>: settled
    /// undelivered, never claimed again. Only by the <paramref name="claimant"/> holding it; false otherwise, as for
    /// <see cref="RescheduleAsync"/>.
    /// </summary>
    Task<bool> AbandonAsync(string deliveryId, string claimant, DateTimeOffset at, string error, CancellationToken cancellationToken = default);

    /// <summary>The entry <paramref name="deliveryId"/>, or null.</summary>
    Task<OutboxEntry?> FindOutboxEntryAsync(string deliveryId, CancellationToken cancellationToken = default);
}

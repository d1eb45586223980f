using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Outbox;

/// <summary>A notification in the outbox, with where its delivery stands.</summary>
/// <param name="Notification">What to send; its <see cref="Notification.DeliveryId"/> is the entry's key.</param>
/// <param name="EnqueuedAt">When it was written to the outbox.</param>
/// <param name="DueAt">When it is next due to be sent.</param>
/// <param name="Claims">How many times a sender has claimed it (each claim is one delivery round).</param>
/// <param name="ClaimedBy">The sender that claimed it last, or null when none holds it.</param>
/// <param name="LeaseUntil">Until when that claim holds; after it the entry can be claimed again.</param>
/// <param name="DeliveredAt">When it was delivered; a delivered entry is never sent again.</param>
/// <param name="AbandonedAt">When it was given up undelivered; never sent again either.</param>
/// <param name="LastError">Why the last round failed, or why it was given up.</param>
public sealed record OutboxEntry(
    Notification Notification,
    DateTimeOffset EnqueuedAt,
    DateTimeOffset DueAt,
    int Claims,
    string? ClaimedBy,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? AbandonedAt,
    string? LastError)
{
    /// <summary>The entry's key.</summary>
    public string DeliveryId => Notification.DeliveryId;

    /// <summary>Whether it is settled: delivered or given up.</summary>
    public bool IsSettled => DeliveredAt is not null || AbandonedAt is not null;
}

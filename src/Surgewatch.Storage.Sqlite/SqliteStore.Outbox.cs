using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Sqlite.Outbox;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : INotificationOutbox
{
    /// <inheritdoc />
    public Task<int> EnqueueAsync(IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return WriteAsync(connection => OutboxTable.Enqueue(connection, notifications, now, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Validated();
        return WriteAsync(connection => OutboxTable.Claim(connection, claim, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => OutboxTable.MarkDelivered(connection, deliveryId, at), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string deliveryId, string claimant, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => OutboxTable.Reschedule(connection, deliveryId, claimant, dueAt, error), cancellationToken);

    /// <inheritdoc />
    public Task<bool> AbandonAsync(string deliveryId, string claimant, DateTimeOffset at, string error, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => OutboxTable.Abandon(connection, deliveryId, claimant, at, error), cancellationToken);

    /// <inheritdoc />
    public Task<OutboxEntry?> FindOutboxEntryAsync(string deliveryId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => OutboxTable.Find(connection, deliveryId, cancellationToken), cancellationToken);
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Postgres.Outbox;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : INotificationOutbox
{
    /// <inheritdoc />
    public Task<int> EnqueueAsync(IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return InTransactionAsync((connection, transaction) => OutboxTable.EnqueueAsync(connection, transaction, notifications, now, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        claim.Validated();
        return InTransactionAsync((connection, transaction) => OutboxTable.ClaimAsync(connection, transaction, claim, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        UseAsync(connection => OutboxTable.MarkDeliveredAsync(connection, deliveryId, at, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RescheduleAsync(string deliveryId, string claimant, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
        UseAsync(connection => OutboxTable.RescheduleAsync(connection, deliveryId, claimant, dueAt, error, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> AbandonAsync(string deliveryId, string claimant, DateTimeOffset at, string error, CancellationToken cancellationToken = default) =>
        UseAsync(connection => OutboxTable.AbandonAsync(connection, deliveryId, claimant, at, error, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<OutboxEntry?> FindOutboxEntryAsync(string deliveryId, CancellationToken cancellationToken = default) =>
        UseAsync(connection => OutboxTable.FindAsync(connection, deliveryId, cancellationToken), cancellationToken);
}

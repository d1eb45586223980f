using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Postgres.Alerts;
using Surgewatch.Storage.Postgres.Audit;
using Surgewatch.Storage.Postgres.Monitoring;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IAlertSnapshotStore, ISilenceStore, INotificationLog, IAuditLog
{
    /// <inheritdoc />
    public Task ReplaceAlertSnapshotsAsync(IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await AlertSnapshotTable.ReplaceAsync(connection, transaction, null, snapshots, cancellationToken);
                return snapshots.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReplaceAlertSnapshotsOfAsync(IReadOnlyCollection<string> subjects, IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        AlertSnapshotScope.Check(subjects, snapshots);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await AlertSnapshotTable.ReplaceAsync(connection, transaction, subjects, snapshots, cancellationToken);
                return snapshots.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertSnapshot>> LoadAlertSnapshotsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => AlertSnapshotTable.LoadAsync(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<SilenceEntry> AddSilenceAsync(ISilence silence, string comment, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return UseAsync(connection => SilenceTable.AddAsync(connection, silence, comment, createdAt, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SilenceEntry>> ListSilencesAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => SilenceTable.ListAsync(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteSilenceAsync(long id, CancellationToken cancellationToken = default) =>
        UseAsync(connection => SilenceTable.DeleteAsync(connection, id, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task AppendDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await DeliveryTable.AppendAsync(connection, transaction, deliveries, cancellationToken);
                return deliveries.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return UseAsync(connection => DeliveryTable.ListAsync(connection, since, limit, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await AuditTable.AppendAsync(connection, transaction, entries, cancellationToken);
                return entries.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return UseAsync(connection => AuditTable.ListAsync(connection, since, limit, cancellationToken), cancellationToken);
    }
}

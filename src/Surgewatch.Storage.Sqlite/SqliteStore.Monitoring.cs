using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Sqlite.Alerts;
using Surgewatch.Storage.Sqlite.Audit;
using Surgewatch.Storage.Sqlite.Monitoring;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IAlertSnapshotStore, ISilenceStore, INotificationLog, IAuditLog
{
    /// <inheritdoc />
    public Task ReplaceAlertSnapshotsAsync(IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return WriteAsync(
            connection =>
            {
                AlertSnapshotTable.Replace(connection, null, snapshots, cancellationToken);
                return snapshots.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReplaceAlertSnapshotsOfAsync(IReadOnlyCollection<string> subjects, IReadOnlyList<AlertSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        AlertSnapshotScope.Check(subjects, snapshots);
        return WriteAsync(
            connection =>
            {
                AlertSnapshotTable.Replace(connection, subjects, snapshots, cancellationToken);
                return snapshots.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AlertSnapshot>> LoadAlertSnapshotsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => AlertSnapshotTable.Load(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<SilenceEntry> AddSilenceAsync(ISilence silence, string comment, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silence);
        return WriteAsync(connection => SilenceTable.Add(connection, silence, comment, createdAt), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SilenceEntry>> ListSilencesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SilenceTable.List(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteSilenceAsync(long id, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => SilenceTable.Delete(connection, id), cancellationToken);

    /// <inheritdoc />
    public Task AppendDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        return WriteAsync(
            connection =>
            {
                DeliveryTable.Append(connection, deliveries, cancellationToken);
                return deliveries.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(connection => DeliveryTable.List(connection, since, limit, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return WriteAsync(
            connection =>
            {
                AuditTable.Append(connection, entries, cancellationToken);
                return entries.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(connection => AuditTable.List(connection, since, limit, cancellationToken), cancellationToken);
    }
}

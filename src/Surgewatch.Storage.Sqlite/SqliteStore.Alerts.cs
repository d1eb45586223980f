using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Sqlite.Alerts;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore
{
    /// <inheritdoc />
    /// <remarks>The events are appended in one transaction; the table refuses updates and deletes, so it can serve as an audit log.</remarks>
    public Task AppendAlertEventsAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return WriteAsync(
            connection =>
            {
                using var transaction = connection.BeginTransaction();
                AlertEventTable.Append(connection, transaction, events, cancellationToken);
                transaction.Commit();
                return events.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Events with the same instant come back in the order they were appended. Instants come back in UTC.</remarks>
    public Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadAsync(connection => AlertEventTable.List(connection, since, limit, cancellationToken), cancellationToken);
    }
}

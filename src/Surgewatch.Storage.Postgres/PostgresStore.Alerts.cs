using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Postgres.Alerts;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore
{
    /// <inheritdoc />
    /// <remarks>The events are appended in one transaction; the table refuses updates and deletes.</remarks>
    public Task AppendAlertEventsAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await AlertEventTable.AppendAsync(connection, transaction, events, cancellationToken);
                return events.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Events with the same instant come back in the order they were appended. Instants come back in UTC.</remarks>
    public Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return UseAsync(connection => AlertEventTable.ListAsync(connection, since, limit, cancellationToken), cancellationToken);
    }
}

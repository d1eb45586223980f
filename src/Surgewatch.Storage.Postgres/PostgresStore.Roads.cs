using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Roads;
using Surgewatch.Storage.Postgres.Roads;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IRoadGraphStore
{
    /// <inheritdoc />
    public Task UpsertEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default) =>
        WriteEdgesAsync(edges, replace: false, cancellationToken);

    /// <inheritdoc />
    public Task ReplaceEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default) =>
        WriteEdgesAsync(edges, replace: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SensorEdge>> ListEdgesAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => EdgeTable.ListAsync(connection, cancellationToken), cancellationToken);

    private Task WriteEdgesAsync(IReadOnlyList<SensorEdge> edges, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return InTransactionAsync((connection, transaction) => EdgeTable.WriteAsync(connection, transaction, edges, replace, cancellationToken), cancellationToken);
    }
}

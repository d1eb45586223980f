using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Roads;
using Surgewatch.Storage.Sqlite.Roads;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IRoadGraphStore
{
    /// <inheritdoc />
    public Task UpsertEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default) =>
        WriteEdgesAsync(edges, replace: false, cancellationToken);

    /// <inheritdoc />
    public Task ReplaceEdgesAsync(IReadOnlyList<SensorEdge> edges, CancellationToken cancellationToken = default) =>
        WriteEdgesAsync(edges, replace: true, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SensorEdge>> ListEdgesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => EdgeTable.List(connection, cancellationToken), cancellationToken);

    private Task WriteEdgesAsync(IReadOnlyList<SensorEdge> edges, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edges);
        return WriteAsync(connection => EdgeTable.Write(connection, edges, replace, cancellationToken), cancellationToken);
    }
}

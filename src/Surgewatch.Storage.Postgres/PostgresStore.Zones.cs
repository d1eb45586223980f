using Surgewatch.Core.Zones;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Zones;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IZoneStore
{
    /// <inheritdoc />
    public Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return InTransactionAsync(
            async (connection, transaction) =>
            {
                await ZoneTable.UpsertAsync(connection, transaction, zones, cancellationToken);
                return zones.Count;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => ZoneTable.ListAsync(connection, null, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken = default) =>
        await UseAsync(connection => ZoneTable.ListAsync(connection, id, cancellationToken), cancellationToken) is [var zone] ? zone : null;

    /// <inheritdoc />
    public Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken = default) =>
        UseAsync(connection => ZoneTable.DeleteAsync(connection, id, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<long> ZonesRevisionAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => Sql.ScalarInt64Async(connection, null, "SELECT revision FROM zone_revision", cancellationToken), cancellationToken);
}

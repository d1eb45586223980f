using Surgewatch.Core.Zones;
using Surgewatch.Storage.Sqlite.Zones;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IZoneStore
{
    /// <inheritdoc />
    public Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zones);
        return WriteAsync(
            connection =>
            {
                ZoneTable.Upsert(connection, zones);
                return 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ZoneTable.List(connection, null), cancellationToken);

    /// <inheritdoc />
    public Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ZoneTable.List(connection, id) is [var zone] ? zone : null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken = default) =>
        WriteAsync(connection => ZoneTable.Delete(connection, id), cancellationToken);

    /// <inheritdoc />
    public Task<long> ZonesRevisionAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ZoneTable.Revision, cancellationToken);
}

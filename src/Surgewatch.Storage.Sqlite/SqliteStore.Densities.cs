using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Sqlite.Occupancy;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IZoneDensityStore
{
    /// <inheritdoc />
    public Task UpsertZoneDensitiesAsync(IReadOnlyList<ZoneDensities> densities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(densities);
        return WriteAsync(connection => ZoneDensityTable.Upsert(connection, densities, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneDensities>> LoadZoneDensitiesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ZoneDensityTable.Load(connection, cancellationToken), cancellationToken);
}

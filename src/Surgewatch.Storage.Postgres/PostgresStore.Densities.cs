using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Postgres.Occupancy;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IZoneDensityStore
{
    /// <inheritdoc />
    public Task UpsertZoneDensitiesAsync(IReadOnlyList<ZoneDensities> densities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(densities);
        return InTransactionAsync((connection, transaction) => ZoneDensityTable.UpsertAsync(connection, transaction, densities, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneDensities>> LoadZoneDensitiesAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => ZoneDensityTable.LoadAsync(connection, cancellationToken), cancellationToken);
}

using Surgewatch.Core.Occupancy;
using Surgewatch.Storage.Sqlite.Occupancy;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IZoneBalanceStore
{
    /// <inheritdoc />
    public Task UpsertZoneBalancesAsync(IReadOnlyList<ZoneBalance> balances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return WriteAsync(connection => ZoneBalanceTable.Upsert(connection, balances, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneBalance>> LoadZoneBalancesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ZoneBalanceTable.Load(connection, cancellationToken), cancellationToken);
}

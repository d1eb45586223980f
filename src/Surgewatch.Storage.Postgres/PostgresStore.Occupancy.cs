using Surgewatch.Core.Occupancy;
using Surgewatch.Storage.Postgres.Occupancy;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IZoneBalanceStore
{
    /// <inheritdoc />
    public Task UpsertZoneBalancesAsync(IReadOnlyList<ZoneBalance> balances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(balances);
        return InTransactionAsync((connection, transaction) => ZoneBalanceTable.UpsertAsync(connection, transaction, balances, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ZoneBalance>> LoadZoneBalancesAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => ZoneBalanceTable.LoadAsync(connection, cancellationToken), cancellationToken);
}

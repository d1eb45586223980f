namespace Surgewatch.Core.Occupancy;

/// <summary>The port through which the zones' line balances (<see cref="LiveOccupancy"/>) survive a restart.</summary>
public interface IZoneBalanceStore
{
    /// <summary>Writes <paramref name="balances"/>, each replacing the stored balance of its zone, in one transaction.</summary>
    Task UpsertZoneBalancesAsync(IReadOnlyList<ZoneBalance> balances, CancellationToken cancellationToken = default);

    /// <summary>The stored balances, ordered by zone id.</summary>
    Task<IReadOnlyList<ZoneBalance>> LoadZoneBalancesAsync(CancellationToken cancellationToken = default);
}

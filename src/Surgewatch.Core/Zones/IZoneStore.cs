namespace Surgewatch.Core.Zones;

/// <summary>The port through which zone definitions are kept.</summary>
public interface IZoneStore
{
    /// <summary>Adds zones, or replaces those with the same id, in one transaction.</summary>
    Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken = default);

    /// <summary>All zones, ordered by id.</summary>
    Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken = default);

    /// <summary>The zone with id <paramref name="id"/>, or null.</summary>
    Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken = default);

    /// <summary>Deletes the zone; false when there was none.</summary>
    Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken = default);

    /// <summary>
    /// A number that changes whenever a zone is added, replaced or deleted, by this process or any other sharing the
    /// store, and only then (it may also change when a write changed nothing): a reader keeps its list while it stays
    /// the same (<see cref="ZoneCatalog"/>).
    /// </summary>
    Task<long> ZonesRevisionAsync(CancellationToken cancellationToken = default);
}

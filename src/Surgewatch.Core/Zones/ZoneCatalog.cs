namespace Surgewatch.Core.Zones;

/// <summary>
/// The store's zones, kept: each <see cref="ZonesAsync"/> asks the store for the zones' revision (one small read) and
/// lists the zones again only when it changed, so that a server stepping, forecasting and sharing its zones every
/// second does not read and parse every zone's outline each time. A change made by any process sharing the store is
/// seen at the next call.
/// </summary>
public sealed class ZoneCatalog(IZoneStore store)
{
    private readonly SemaphoreSlim _listing = new(1, 1);
    private volatile Kept? _kept;

    /// <summary>The zones as the store holds them now, ordered by id (the same list instance while they are unchanged).</summary>
    public async Task<IReadOnlyList<Zone>> ZonesAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Zones;

    /// <summary>The zones' ids as the store holds them now, ordered (the same list instance while they are unchanged).</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Ids;

    private async Task<Kept> CurrentAsync(CancellationToken cancellationToken)
    {
        // The revision is read before the list: a change between the two leaves a list newer than its revision, which the
        // next call reads again; never a list older than the revision it is kept under.
        var revision = await store.ZonesRevisionAsync(cancellationToken);
        if (_kept is { } kept && kept.Revision == revision)
        {
            return kept;
        }

        await _listing.WaitAsync(cancellationToken);
        try
        {
            if (_kept is { } other && other.Revision == revision)
            {
                return other;
            }

            var zones = await store.ListZonesAsync(cancellationToken);
            var fresh = new Kept(revision, zones, [.. zones.Select(z => z.Id.Value)]);
            _kept = fresh;
            return fresh;
        }
        finally
        {
            _listing.Release();
        }
    }

    private sealed record Kept(long Revision, IReadOnlyList<Zone> Zones, IReadOnlyList<string> Ids);
}

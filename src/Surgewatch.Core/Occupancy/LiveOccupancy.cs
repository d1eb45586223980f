using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>A zone's line balance as the live loop left it: what <see cref="LiveOccupancy"/> saves and restores.</summary>
/// <param name="Zone">The zone.</param>
/// <param name="State">Its line counters' in − out balance and how far the readings are integrated.</param>
public sealed record ZoneBalance(ZoneId Zone, LineBalanceState State);

/// <summary>
/// The zones' live occupancy, step after step: <see cref="OccupancyFusion"/> for each zone, with the state it carries
/// between steps (each zone's line balance, <see cref="LineBalanceState"/>) held here. That state is the part of the
/// live loop that the readings alone do not give back: a zone counted only by lines in and out knows how many are
/// inside from hours of crossings. <see cref="Snapshot"/> and <see cref="Restore"/> carry it over a restart; a
/// restored balance is integrated onwards from where it stood, so the crossings counted meanwhile are added, not lost.
/// Pure and deterministic; not thread-safe (one loop steps it).
/// </summary>
public sealed class LiveOccupancy
{
    /// <summary>How far back a zone without a balance starts integrating, and the shortest window of readings a step reads.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private readonly Dictionary<ZoneId, LineBalanceState> _balances = [];
    private readonly FusionOptions _options;
    private readonly TimeSpan _kept;

    /// <summary>A loop whose readings reach <paramref name="kept"/> back at most (what its host keeps in memory).</summary>
    public LiveOccupancy(TimeSpan kept, FusionOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kept, Window);
        _kept = kept;
        _options = (options ?? FusionOptions.Default).Validated();
    }

    /// <summary>
    /// How far back <paramref name="zone"/>'s readings must reach at <paramref name="now"/>: the staleness window of its
    /// slowest source, and back to the earliest count its balance may still add (after a restore, or a counter that fell
    /// behind: <see cref="LineBalanceState.EarliestMark"/>), at least <see cref="Window"/> and
    /// at most what the host keeps.
    /// </summary>
    public TimeSpan LookBack(Zone zone, DateTimeOffset now, Func<SensorId, TimeSpan?> stepOf)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(stepOf);
        var window = Window;
        foreach (var source in zone.Sources)
        {
            window = Max(window, _options.StaleWindow(stepOf(source.Sensor)));
        }

        if (_balances.TryGetValue(zone.Id, out var state) && state.IntegratedUntil <= now)
        {
            window = Max(window, now - state.EarliestMark());
        }

        return window < _kept ? window : _kept;
    }

    /// <summary>
    /// Estimates <paramref name="zone"/> at <paramref name="now"/> from <paramref name="readings"/> (its sources' readings
    /// over at least <see cref="LookBack"/>) and keeps its new line balance for the next step.
    /// </summary>
    public ZoneOccupancy Fuse(Zone zone, IReadOnlyDictionary<SensorId, IReadOnlyList<SensorReading>> readings, DateTimeOffset now, Func<SensorId, TimeSpan?> stepOf)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var state = _balances.TryGetValue(zone.Id, out var known) && known.IntegratedUntil <= now ? known : LineBalanceState.Start(now - Window);
        var result = OccupancyFusion.Fuse(zone, readings, state, now, _options, stepOf);
        _balances[zone.Id] = result.State;
        return result.Occupancy;
    }

    /// <summary>Forgets the zones not in <paramref name="zones"/> (deleted since the last step).</summary>
    public void Keep(IReadOnlyCollection<ZoneId> zones)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var keep = zones as IReadOnlySet<ZoneId> ?? new HashSet<ZoneId>(zones);
        foreach (var zone in _balances.Keys.Where(z => !keep.Contains(z)).ToList())
        {
            _balances.Remove(zone);
        }
    }

    /// <summary>Each zone's line balance, ordered by zone id.</summary>
    public IReadOnlyList<ZoneBalance> Snapshot() =>
        [.. _balances.OrderBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => new ZoneBalance(p.Key, p.Value))];

    /// <summary>
    /// Takes the saved <paramref name="balances"/> back at <paramref name="now"/>. A balance integrated longer ago than
    /// the host keeps readings (or later than now) is not taken: the crossings since it could not all be added.
    /// </summary>
    public void Restore(IReadOnlyList<ZoneBalance> balances, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(balances);
        foreach (var (zone, state) in balances)
        {
            if (state.IntegratedUntil <= now && now - state.IntegratedUntil <= _kept)
            {
                _balances[zone] = state;
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

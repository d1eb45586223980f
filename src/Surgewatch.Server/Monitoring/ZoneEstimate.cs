using Surgewatch.Core.Calendar;
using Surgewatch.Core.Zones;

namespace Surgewatch.Server.Monitoring;

/// <summary>A zone's estimated occupancy at one time.</summary>
/// <param name="Persons">Persons present, or null without a usable source.</param>
/// <param name="Density">Persons per m², or null.</param>
/// <param name="Flow">Persons per metre of width per minute over the last five minutes, or null.</param>
/// <param name="Confidence">0..1: direct occupancy is trusted most, cell counts less, line-counter balance least.</param>
/// <param name="Fallback">Whether the best source was missing or stale, so a weaker one gave the estimate.</param>
/// <param name="Stale">Per source, whether it has not reported within the stale age.</param>
internal sealed record ZoneEstimate(double? Persons, double? Density, double? Flow, double Confidence, bool Fallback, IReadOnlyList<(ZoneSource Source, bool Stale)> Stale);

/// <summary>
/// Server-side occupancy fusion over <see cref="RecentReadings"/>: a direct occupancy source first, then cell
/// devices times their factor, then the balance of line counters in and out over the kept window. This is the
/// adapter the Core occupancy fusion replaces once it is available.
/// </summary>
internal static class ZoneOccupancy
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FlowWindow = TimeSpan.FromMinutes(5);

    public static ZoneEstimate Estimate(Zone zone, RecentReadings recent, TimeLabel now)
    {
        var stale = new List<(ZoneSource, bool)>(zone.Sources.Count);
        double? occupancy = null, cell = null;
        double netLines = 0, crossings = 0;
        var anyLineFresh = false;
        var best = BestRole(zone);
        foreach (var source in zone.Sources)
        {
            var latest = recent.Latest(source.Sensor, now);
            var isStale = latest is not { } l || now - l.At > StaleAfter;
            stale.Add((source, isStale));
            switch (source.Role)
            {
                case ZoneSourceRole.Occupancy when !isStale:
                    occupancy = (occupancy ?? 0) + (latest!.Value.Value * source.Factor);
                    break;
                case ZoneSourceRole.CellDevices when !isStale:
                    cell = (cell ?? 0) + (latest!.Value.Value * source.Factor);
                    break;
                case ZoneSourceRole.LineIn or ZoneSourceRole.LineOut or ZoneSourceRole.LineTotal:
                    anyLineFresh |= !isStale;
                    crossings += recent.Sum(source.Sensor, now - FlowWindow, now).Sum * source.Factor;
                    netLines += LineBalance(source, recent, now);
                    break;
            }
        }

        var (persons, confidence, used) = occupancy is { } o ? (o, 0.9, ZoneSourceRole.Occupancy)
            : cell is { } c ? (c, 0.6, ZoneSourceRole.CellDevices)
            : anyLineFresh && HasBalance(zone) ? (Math.Max(0, netLines), 0.35, ZoneSourceRole.LineIn)
            : ((double?)null, 0.0, best);
        var flow = anyLineFresh && zone.WidthMetres is > 0 ? crossings / FlowWindow.TotalMinutes / zone.WidthMetres.Value : (double?)null;
        var density = persons / zone.AreaSquareMetres;
        return new ZoneEstimate(persons, density, flow, persons is null ? 0 : confidence, persons is not null && used != best, stale);
    }

    private static double LineBalance(ZoneSource source, RecentReadings recent, TimeLabel now)
    {
        var sign = source.Role switch { ZoneSourceRole.LineIn => 1, ZoneSourceRole.LineOut => -1, _ => 0 };
        return sign == 0 ? 0 : sign * recent.Sum(source.Sensor, now - TimeSpan.FromSeconds(RecentReadings.KeepSeconds), now).Sum * source.Factor;
    }

    private static bool HasBalance(Zone zone)
    {
        bool hasIn = false, hasOut = false;
        foreach (var s in zone.Sources)
        {
            hasIn |= s.Role == ZoneSourceRole.LineIn;
            hasOut |= s.Role == ZoneSourceRole.LineOut;
        }

        return hasIn && hasOut;
    }

    private static ZoneSourceRole BestRole(Zone zone)
    {
        var best = ZoneSourceRole.LineIn;
        foreach (var s in zone.Sources)
        {
            if (s.Role == ZoneSourceRole.Occupancy || (s.Role == ZoneSourceRole.CellDevices && best != ZoneSourceRole.Occupancy))
            {
                best = s.Role;
            }
        }

        return best;
    }
}

using Surgewatch.Core.Series;

namespace Surgewatch.Core.Zones;

/// <summary>
/// The one definition of "persons in a zone" over one slot, from its sources' values over that slot (observed or
/// forecast): the history buckets, the zone forecasts and the day briefing all use it.
/// </summary>
/// <remarks>
/// <para>The persons come from the first of these bases that has a value for at least one of its sources:</para>
/// <list type="number">
/// <item><b>Direct</b>: Σ <see cref="ZoneSourceRole.Occupancy"/> value × factor (sources cover parts of the zone).</item>
/// <item><b>Cell</b>: Σ <see cref="ZoneSourceRole.CellDevices"/> value × factor (the factor turns devices into persons).</item>
/// <item><b>Line counters</b>, by Little's law: Σ <see cref="ZoneSourceRole.LineIn"/> and <see cref="ZoneSourceRole.LineTotal"/>
/// count over the slot × factor × <c>dwellMinutes</c> / slot minutes (arrivals per minute × minutes each stays).
/// <see cref="ZoneSourceRole.LineOut"/> is left out so that nobody is counted twice.</item>
/// </list>
/// <para>
/// Bases are not added together: a zone with an occupancy counter and line counters would otherwise count its people
/// twice. When some of the chosen basis's sources have no value, the sum is scaled by configured / present, as
/// <see cref="Occupancy.OccupancyFusion"/> scales a role with stale sources. No value from any source is
/// <see cref="Missing"/>, never 0. The live estimate (<see cref="Occupancy.OccupancyFusion"/>) also blends the
/// in − out balance of the line counters, which is a running state rather than a value over one slot.
/// </para>
/// </remarks>
public static class ZonePersons
{
    /// <summary>How long a counted passer-by stays in a zone by default, for line counters (minutes).</summary>
    public const double DefaultDwellMinutes = 10;

    private static readonly ZoneSourceRole[][] Bases =
    [
        [ZoneSourceRole.Occupancy],
        [ZoneSourceRole.CellDevices],
        [ZoneSourceRole.LineIn, ZoneSourceRole.LineTotal],
    ];

    /// <summary>
    /// The persons in <paramref name="zone"/> over one slot of length <paramref name="step"/>, from
    /// <paramref name="values"/>: one per source in the order of <see cref="Zone.Sources"/>, <see cref="Missing"/>
    /// where a source has none. Returns <see cref="Missing"/> when no source of any basis has a value.
    /// </summary>
    public static double Of(Zone zone, ReadOnlySpan<double> values, TimeSpan step, double dwellMinutes = DefaultDwellMinutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var basis = BasisOf(zone, values);
        return basis < 0 ? Missing.Value : Sum(zone, values, basis, step, dwellMinutes);
    }

    /// <summary>
    /// The index of the basis (0 direct, 1 cell, 2 line counters) that <see cref="Of"/> uses for
    /// <paramref name="values"/>, or −1 when none has a value. Bounds of a forecast are combined on the basis its means chose.
    /// </summary>
    public static int BasisOf(Zone zone, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(zone);
        RequireOnePerSource(zone, values);
        for (var b = 0; b < Bases.Length; b++)
        {
            for (var i = 0; i < zone.Sources.Count; i++)
            {
                if (In(Bases[b], zone.Sources[i].Role) && !Missing.Is(values[i]))
                {
                    return b;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The persons from <paramref name="values"/> on basis <paramref name="basis"/> (see <see cref="BasisOf"/>):
    /// Σ present value × weight × configured / present; <see cref="Missing"/> when none of the basis has a value.
    /// </summary>
    public static double Sum(Zone zone, ReadOnlySpan<double> values, int basis, TimeSpan step, double dwellMinutes = DefaultDwellMinutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        RequireOnePerSource(zone, values);
        ArgumentOutOfRangeException.ThrowIfNegative(basis);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(basis, Bases.Length);
        double sum = 0;
        int configured = 0, present = 0;
        for (var i = 0; i < zone.Sources.Count; i++)
        {
            var source = zone.Sources[i];
            if (!In(Bases[basis], source.Role))
            {
                continue;
            }

            configured++;
            if (!Missing.Is(values[i]))
            {
                present++;
                sum += values[i] * Weight(source, step, dwellMinutes);
            }
        }

        return present == 0 ? Missing.Value : sum * configured / present;
    }

    /// <summary>Whether sources of <paramref name="role"/> belong to basis <paramref name="basis"/> (see <see cref="BasisOf"/>).</summary>
    public static bool InBasis(ZoneSourceRole role, int basis) => basis >= 0 && basis < Bases.Length && In(Bases[basis], role);

    /// <summary>
    /// What one unit of <paramref name="source"/>'s value over a slot of <paramref name="step"/> is worth in persons
    /// present: its factor for level sources, factor × dwell / slot minutes for line counts, 0 for line-out counters.
    /// </summary>
    public static double Weight(ZoneSource source, TimeSpan step, double dwellMinutes = DefaultDwellMinutes)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Role switch
        {
            ZoneSourceRole.Occupancy or ZoneSourceRole.CellDevices => source.Factor,
            ZoneSourceRole.LineIn or ZoneSourceRole.LineTotal => source.Factor * dwellMinutes / step.TotalMinutes,
            _ => 0,
        };
    }

    private static bool In(ZoneSourceRole[] basis, ZoneSourceRole role) => Array.IndexOf(basis, role) >= 0;

    private static void RequireOnePerSource(Zone zone, ReadOnlySpan<double> values)
    {
        if (values.Length != zone.Sources.Count)
        {
            throw new ArgumentException($"Give one value per source of zone '{zone.Id}' ({zone.Sources.Count}), not {values.Length}.", nameof(values));
        }
    }
}

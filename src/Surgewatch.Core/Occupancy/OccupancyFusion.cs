using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>
/// Fuses a zone's anonymous sources into one estimate of the persons present, the density and the flow. Pure: the
/// caller passes the recent readings, the state from the previous step and <c>now</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A source with no valid reading within <see cref="FusionOptions.StaleAfter"/> is stale and dropped.</item>
/// <item><b>Direct</b> (<see cref="ZoneSourceRole.Occupancy"/>) and <b>cell</b> (<see cref="ZoneSourceRole.CellDevices"/>)
/// sources give persons as their latest reading times the source's factor, summed over the role's sources (they cover
/// parts of the zone); when some of a role's sources are stale, the sum is scaled by configured / fresh.</item>
/// <item><b>Line counters</b> (<see cref="ZoneSourceRole.LineIn"/> and <see cref="ZoneSourceRole.LineOut"/>) add in − out
/// each step, never below zero. Drift correction: when a direct (or else a cell) estimate is fresh, each step pulls the
/// balance toward it by 1 − e^(−Δt/τ) of the gap; when none is and the counters counted nobody for
/// <see cref="FusionOptions.QuietAfter"/>, the balance relaxes toward zero the same way. When either direction is
/// stale the balance is dropped, and restarts from the anchor (or zero) once both report again.</item>
/// <item>The estimates are combined as a mean weighted by their confidence: direct 0.9, line balance 0.8, cell 0.6,
/// each times the fraction of its role's sources that are fresh. The zone's confidence is 1 − Π(1 − cᵢ): it drops
/// whenever a source is dropped.</item>
/// <item><b>Flow</b> (a source slower than the window: its last count over its own step) is the count over <see cref="FusionOptions.FlowWindow"/> of the fresh
/// <see cref="ZoneSourceRole.LineTotal"/> sources (or, without one, in + out), per minute, per metre of width.</item>
/// <item>No fresh source at all is <see cref="ZoneOccupancy.NoData"/>; some stale is <see cref="ZoneOccupancy.Fallback"/>.</item>
/// </list>
/// </remarks>
public static class OccupancyFusion
{
    /// <summary>Confidence of a direct estimate with all its sources fresh.</summary>
    public const double DirectConfidence = 0.9;

    /// <summary>Confidence of the line-counter balance.</summary>
    public const double LineConfidence = 0.8;

    /// <summary>Confidence of a cell-device estimate.</summary>
    public const double CellConfidence = 0.6;

    /// <summary>Estimates <paramref name="zone"/> at <paramref name="now"/>.</summary>
    /// <param name="zone">The zone and its sources.</param>
    /// <param name="readings">Recent readings by sensor, oldest first (at least the staleness window and the time since the previous step).</param>
    /// <param name="state">The state returned by the previous step, or <see cref="LineBalanceState.Start"/>.</param>
    /// <param name="now">The moment estimated.</param>
    /// <param name="options">Settings; <see cref="FusionOptions.Default"/> when null.</param>
    /// <param name="stepOf">
    /// Each source's reporting step (null: unknown), so that a slow source is fresh between its readings
    /// (<see cref="FusionOptions.StaleWindow"/>) and its count is a flow over its own interval.
    /// </param>
    public static FusionResult Fuse(
        Zone zone,
        IReadOnlyDictionary<SensorId, IReadOnlyList<SensorReading>> readings,
        LineBalanceState state,
        DateTimeOffset now,
        FusionOptions? options = null,
        Func<SensorId, TimeSpan?>? stepOf = null)
    {
        options ??= FusionOptions.Default;
        var scan = new SourceScan(zone, readings, now, options, stepOf);
        var direct = scan.LevelEstimate(ZoneSourceRole.Occupancy);
        var cell = scan.LevelEstimate(ZoneSourceRole.CellDevices);
        var next = LineBalance.Advance(scan, state, direct?.Persons ?? cell?.Persons, now, options);

        var blend = new Blend();
        blend.Add(direct, DirectConfidence);
        blend.Add(next.Balance is { } balance ? (balance, LineFraction(scan)) : null, LineConfidence);
        blend.Add(cell, CellConfidence);

        var flow = Flow(zone, scan, now, options);
        var noData = !scan.AnyFresh;
        var confidence = noData ? 0 : blend.Weight > 0 ? blend.Confidence : flow is null ? 0 : LineConfidence * LineFraction(scan);
        var persons = blend.Persons;
        var occupancy = new ZoneOccupancy(
            zone.Id, now, persons, persons / zone.AreaSquareMetres, flow, confidence, scan.AnyStale && !noData, noData, scan.Freshness);
        return new FusionResult(occupancy, next);
    }

    private static double LineFraction(SourceScan scan)
    {
        int fresh = 0, all = 0;
        foreach (var role in (ReadOnlySpan<ZoneSourceRole>)[ZoneSourceRole.LineIn, ZoneSourceRole.LineOut, ZoneSourceRole.LineTotal])
        {
            var f = scan.Count(role, fresh: true);
            fresh += f;
            all += f + scan.Count(role, fresh: false);
        }

        return all == 0 ? 0 : (double)fresh / all;
    }

    private static double? Flow(Zone zone, SourceScan scan, DateTimeOffset now, FusionOptions options)
    {
        if (zone.WidthMetres is not { } width || width <= 0)
        {
            return null;
        }

        double perMinute;
        if (scan.Count(ZoneSourceRole.LineTotal, fresh: true) > 0)
        {
            perMinute = scan.RatePerMinute(ZoneSourceRole.LineTotal, options.FlowWindow);
        }
        else if (scan.Count(ZoneSourceRole.LineIn, fresh: true) + scan.Count(ZoneSourceRole.LineOut, fresh: true) > 0)
        {
            perMinute = scan.RatePerMinute(ZoneSourceRole.LineIn, options.FlowWindow) + scan.RatePerMinute(ZoneSourceRole.LineOut, options.FlowWindow);
        }
        else
        {
            return null;
        }

        return perMinute / width;
    }

    private struct Blend
    {
        private double _sum;
        private double _miss;

        public double Weight { get; private set; }

        public readonly double Persons => Weight > 0 ? _sum / Weight : double.NaN;

        public readonly double Confidence => 1 - _miss;

        public void Add((double Persons, double Fraction)? estimate, double confidence)
        {
            if (estimate is not { } e)
            {
                return;
            }

            var c = confidence * e.Fraction;
            if (Weight == 0)
            {
                _miss = 1;
            }

            _sum += c * e.Persons;
            Weight += c;
            _miss *= 1 - c;
        }
    }
}

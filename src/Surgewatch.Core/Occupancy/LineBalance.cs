using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Occupancy;

/// <summary>Advances the in − out balance of a zone's line counters by one step (see <see cref="OccupancyFusion"/>).</summary>
internal static class LineBalance
{
    public static LineBalanceState Advance(SourceScan scan, LineBalanceState state, double? anchor, DateTimeOffset now, FusionOptions options)
    {
        var configured = scan.Count(ZoneSourceRole.LineIn, true) + scan.Count(ZoneSourceRole.LineIn, false) > 0
            || scan.Count(ZoneSourceRole.LineOut, true) + scan.Count(ZoneSourceRole.LineOut, false) > 0;
        var usable = scan.Count(ZoneSourceRole.LineIn, fresh: true) > 0 && scan.Count(ZoneSourceRole.LineOut, fresh: true) > 0;
        if (!configured || !usable)
        {
            // A one-sided or silent pair cannot be integrated; restart from scratch when both directions return.
            return new LineBalanceState(null, now, state.LastCrossingAt);
        }

        var after = now < state.IntegratedUntil ? now : state.IntegratedUntil;
        var counted = new Dictionary<SensorId, DateTimeOffset>();
        var inflow = scan.CountNew(ZoneSourceRole.LineIn, state, after, counted);
        var outflow = scan.CountNew(ZoneSourceRole.LineOut, state, after, counted);
        var crossingAt = inflow + outflow > 0 ? now : state.LastCrossingAt;
        var balance = (state.Balance ?? anchor ?? 0) + inflow - outflow;
        var dt = (now - after).TotalSeconds;
        balance = Correct(balance, anchor, dt, now - crossingAt, options);
        return new LineBalanceState(Math.Max(0, balance), now, crossingAt) { Counted = counted };
    }

    private static double Correct(double balance, double? anchor, double dtSeconds, TimeSpan quiet, FusionOptions options)
    {
        if (anchor is { } target)
        {
            return balance + (target - balance) * Fraction(dtSeconds, options.DriftTimeConstant);
        }

        return quiet >= options.QuietAfter ? balance * (1 - Fraction(dtSeconds, options.QuietTimeConstant)) : balance;
    }

    private static double Fraction(double dtSeconds, TimeSpan timeConstant) =>
        1 - Math.Exp(-dtSeconds / timeConstant.TotalSeconds);
}

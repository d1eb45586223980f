using Surgewatch.Core.Alerting;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>Turns a zone's estimate, density history and forecast into rule samples and levels.</summary>
internal static class ZoneInputs
{
    public static AlertSample Sample(ZoneRule rule, ZoneOccupancy? occupancy, ReadOnlySpan<double> history, IReadOnlyList<ForecastBound>? forecast, DateTimeOffset now, TimeSpan step)
    {
        if (occupancy is null || occupancy.NoData)
        {
            return AlertSample.NoData;
        }

        if (rule.Measure == ZoneMeasure.Flow)
        {
            return occupancy.Flow is { } flow ? AlertSample.Of(flow) : AlertSample.NoData;
        }

        if (!occupancy.HasPersons)
        {
            return AlertSample.NoData;
        }

        if (rule.Rule.Source == AlertSource.Observed)
        {
            return AlertSample.Of(occupancy.Density);
        }

        var local = AlertInputs.From(rule.Rule, history, step);
        var external = MaxUpper(forecast, now, rule.Rule.Horizon);
        return (local.Value, external) switch
        {
            ({ } v, { } e) => AlertSample.Of(Math.Max(v, e)),
            (null, { } e) => AlertSample.Of(e),
            _ => local,
        };
    }

    /// <summary>The highest 90% upper bound in (now, now + horizon], or null when the forecast has none there.</summary>
    public static double? MaxUpper(IReadOnlyList<ForecastBound>? forecast, DateTimeOffset now, TimeSpan horizon)
    {
        if (forecast is null || forecast.Count == 0)
        {
            return null;
        }

        // Indexed, not foreach: an interface enumerator is an allocation per call, three calls per zone per step.
        var until = now + horizon;
        double? max = null;
        for (var i = 0; i < forecast.Count; i++)
        {
            var point = forecast[i];
            if (point.At > now && point.At <= until && !double.IsNaN(point.Upper90))
            {
                max = max is { } m ? Math.Max(m, point.Upper90) : point.Upper90;
            }
        }

        return max;
    }

    public static ZoneLevel Observed(Zone zone, ZoneOccupancy? occupancy) =>
        occupancy is null || occupancy.NoData
            ? ZoneLevel.NoData
            : ZoneLevelLadder.Of(zone.Levels, occupancy.HasPersons ? occupancy.Density : null, occupancy.Flow);
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.ZoneSeries;

/// <summary>
/// Builds a zone's forecast from its sources' forecasts by the deployed model, so that the zone forecast shown and
/// alerted on is the measured model's, not a second forecaster beside it.
/// </summary>
/// <remarks>
/// <para>Per target slot, the persons are <see cref="ZonePersons.Of"/> of the sources' means (the same basis, factors,
/// dwell and scaling for missing sources as the observed history), and the density is persons / area.</para>
/// <para>
/// The bounds of each level are <see cref="ZonePersons.Sum"/> of the sources' bounds on the basis the means chose:
/// the sum of the sources' quantiles, which is the quantile of the sum when the sources move together (comonotone;
/// one crowd seen by several counters) and wider than it when they do not, so the combined band covers at least about
/// its nominal level if each source's does. A zone read from one source (the common case) keeps that source's
/// interval, scaled. Lower bounds are floored at 0 persons. A level is given only where every source used has it.
/// </para>
/// </remarks>
public static class ZoneForecastBuilder
{
    /// <summary>
    /// The forecast of <paramref name="zone"/> from <paramref name="forecasts"/> (any sensors; those of the zone's
    /// sources are used, by one model), on slots of <paramref name="step"/>; null when no source of the zone has a
    /// forecast, or none of them gives a value at any target.
    /// </summary>
    public static ZoneForecast? Build(Zone zone, IEnumerable<Forecast> forecasts, TimeSpan step, double dwellMinutes = ZonePersons.DefaultDwellMinutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(forecasts);
        var bySource = BySource(zone, forecasts, out var model, out var issuedAt);
        if (model is null)
        {
            return null;
        }

        var targets = Targets(bySource);
        var points = new List<ZoneForecastPoint>(targets.Count);
        var values = new double[zone.Sources.Count];
        foreach (var target in targets)
        {
            if (Point(zone, bySource, target, step, dwellMinutes, values) is { } point)
            {
                points.Add(point);
            }
        }

        return points.Count == 0 ? null : new ZoneForecast(zone.Id, model, issuedAt, points);
    }

    private static ZoneForecastPoint? Point(Zone zone, Dictionary<TimeLabel, ForecastPoint>?[] bySource, TimeLabel target, TimeSpan step, double dwell, double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = bySource[i] is { } points && points.TryGetValue(target, out var p) ? p.Mean : Missing.Value;
        }

        var basis = ZonePersons.BasisOf(zone, values);
        if (basis < 0)
        {
            return null;
        }

        var persons = ZonePersons.Sum(zone, values, basis, step, dwell);
        var intervals = new List<PredictionInterval>(2);
        foreach (var level in Levels(zone, bySource, target, values, basis))
        {
            var lower = Bound(zone, bySource, target, level, upper: false, values, basis, step, dwell);
            var upper = Bound(zone, bySource, target, level, upper: true, values, basis, step, dwell);
            if (!Missing.Is(lower) && !Missing.Is(upper))
            {
                intervals.Add(new PredictionInterval(level, Math.Max(0, lower) / zone.AreaSquareMetres, upper / zone.AreaSquareMetres));
            }
        }

        return new ZoneForecastPoint(target, persons, persons / zone.AreaSquareMetres, intervals);
    }

    // The bound of one level summed over the basis; a source of the basis with a mean but no such bound spoils it.
    private static double Bound(Zone zone, Dictionary<TimeLabel, ForecastPoint>?[] bySource, TimeLabel target, double level, bool upper, double[] values, int basis, TimeSpan step, double dwell)
    {
        var bounds = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            bounds[i] = Missing.Value;
            if (Missing.Is(values[i]) || !ZonePersons.InBasis(zone.Sources[i].Role, basis))
            {
                continue;
            }

            if (ZoneForecastPoint.Find(bySource[i]![target].Intervals, level) is not { } found || Missing.Is(found.Lower) || Missing.Is(found.Upper))
            {
                return Missing.Value;
            }

            bounds[i] = upper ? found.Upper : found.Lower;
        }

        return ZonePersons.Sum(zone, bounds, basis, step, dwell);
    }

    // The levels the basis's first present source gives, in its order (the others are checked when summed).
    private static IReadOnlyList<double> Levels(Zone zone, Dictionary<TimeLabel, ForecastPoint>?[] bySource, TimeLabel target, double[] values, int basis)
    {
        for (var i = 0; i < zone.Sources.Count; i++)
        {
            if (!Missing.Is(values[i]) && ZonePersons.InBasis(zone.Sources[i].Role, basis))
            {
                return [.. bySource[i]![target].Intervals.Select(x => x.Level)];
            }
        }

        return [];
    }

    private static Dictionary<TimeLabel, ForecastPoint>?[] BySource(Zone zone, IEnumerable<Forecast> forecasts, out string? model, out TimeLabel issuedAt)
    {
        var bySource = new Dictionary<TimeLabel, ForecastPoint>?[zone.Sources.Count];
        model = null;
        TimeLabel? latest = null;
        foreach (var forecast in forecasts)
        {
            for (var i = 0; i < zone.Sources.Count; i++)
            {
                if (zone.Sources[i].Sensor != forecast.SensorId || zone.Sources[i].Role == ZoneSourceRole.LineOut)
                {
                    continue;
                }

                if (model is not null && model != forecast.Model)
                {
                    throw new ArgumentException($"Zone '{zone.Id}' got forecasts by '{model}' and '{forecast.Model}'; build a zone forecast from one model's.", nameof(forecasts));
                }

                model = forecast.Model;
                latest = latest is { } known && known > forecast.IssuedAt ? known : forecast.IssuedAt;
                bySource[i] = forecast.Points.Where(p => !Missing.Is(p.Mean)).ToDictionary(p => p.Target);
            }
        }

        issuedAt = latest ?? default;
        return bySource;
    }

    private static List<TimeLabel> Targets(Dictionary<TimeLabel, ForecastPoint>?[] bySource)
    {
        var targets = new SortedSet<TimeLabel>();
        foreach (var points in bySource)
        {
            targets.UnionWith(points?.Keys ?? Enumerable.Empty<TimeLabel>());
        }

        return [.. targets];
    }
}

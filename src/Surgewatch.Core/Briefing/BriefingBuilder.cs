using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// Turns a <see cref="DayForecast"/> into a briefing: per zone, or per sensor when there are no zones, the day's total,
/// peak hour, peak level and the hours at risk.
/// </summary>
/// <remarks>
/// A zone's persons are the sum over its sources of the source's hourly forecast times its factor: direct
/// (<see cref="ZoneSourceRole.Occupancy"/>) and cell sources give persons present; line counters
/// (<see cref="ZoneSourceRole.LineIn"/>, <see cref="ZoneSourceRole.LineTotal"/>) give persons per hour passing, which
/// Little's law turns into persons present: count per hour × <c>dwellMinutes</c> / 60 (LineOut is left out,
/// so nobody is counted twice). The upper bounds are summed the same way (a conservative bound for the sum).
/// </remarks>
public static class BriefingBuilder
{
    /// <summary>The briefing for <paramref name="zones"/>; sources without a series in the panel are skipped.</summary>
    /// <param name="day">The forecast.</param>
    /// <param name="panel">The panel the forecast was made on (for the sensor order).</param>
    /// <param name="zones">The zones.</param>
    /// <param name="model">The model's name, for the report (null: no forecast).</param>
    /// <param name="dwellMinutes">How long a counted passer-by stays in the zone, for line counters (default 10).</param>
    public static DayBriefing ForZones(DayForecast day, SeriesPanel panel, IReadOnlyList<Zone> zones, string? model, double dwellMinutes = 10)
    {
        ArgumentNullException.ThrowIfNull(zones);
        var subjects = new List<SubjectBriefing>(zones.Count);
        foreach (var zone in zones)
        {
            var (mean, upper) = ZoneHours(day, panel, zone, dwellMinutes);
            var peak = Peak(mean);
            var density = peak < 0 ? Missing.Value : mean[peak] / zone.AreaSquareMetres;
            var level = peak < 0 ? ZoneLevel.NoData : Level(zone.Levels, density);
            var risk = HoursReaching(upper, zone.Levels.DensityWarning * zone.AreaSquareMetres);
            subjects.Add(Subject(zone.Id.Value, zone.Name, mean, upper, peak, density, level, risk));
        }

        return new DayBriefing(day.Date, model, subjects);
    }

    /// <summary>
    /// The briefing per sensor: the warning level of a sensor is its surge threshold (NaN: never at risk); an hour is at
    /// risk when its probability of reaching the threshold (<see cref="DayForecast.Reach"/>) is at least
    /// <paramref name="riskProbability"/>, or, without calibrated probabilities, when its upper bound reaches it.
    /// </summary>
    public static DayBriefing ForSensors(DayForecast day, SeriesPanel panel, IReadOnlyList<string> names, ReadOnlySpan<double> thresholds, string? model, double riskProbability)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var subjects = new List<SubjectBriefing>(panel.Sensors.Count);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            var (mean, upper) = (day.Mean[s], day.Upper[s]);
            var peak = Peak(mean);
            var threshold = thresholds[s];
            var level = peak < 0 ? ZoneLevel.NoData : mean[peak] >= threshold ? ZoneLevel.Warning : ZoneLevel.Ok;
            var risk = double.IsNaN(threshold) ? []
                : day.Reach[s].All(double.IsNaN) ? HoursReaching(upper, threshold)
                : HoursReaching(day.Reach[s], riskProbability);
            subjects.Add(Subject(panel.Sensors[s].Value, names[s], mean, upper, peak, Missing.Value, level, risk));
        }

        return new DayBriefing(day.Date, model, subjects);
    }

    private static (double[] Mean, double[] Upper) ZoneHours(DayForecast day, SeriesPanel panel, Zone zone, double dwellMinutes)
    {
        var mean = new double[DayForecast.Hours];
        var upper = new double[DayForecast.Hours];
        var any = false;
        foreach (var source in zone.Sources)
        {
            var s = panel.IndexOf(source.Sensor);
            var weight = source.Role switch
            {
                ZoneSourceRole.Occupancy or ZoneSourceRole.CellDevices => source.Factor,
                ZoneSourceRole.LineIn or ZoneSourceRole.LineTotal => source.Factor * dwellMinutes / 60,
                _ => 0,
            };
            if (s < 0 || weight == 0)
            {
                continue;
            }

            any = true;
            for (var h = 0; h < DayForecast.Hours; h++)
            {
                mean[h] += weight * day.Mean[s][h];
                upper[h] += weight * day.Upper[s][h];
            }
        }

        if (!any)
        {
            Array.Fill(mean, Missing.Value);
            Array.Fill(upper, Missing.Value);
        }

        return (mean, upper);
    }

    private static SubjectBriefing Subject(string id, string name, double[] mean, double[] upper, int peak, double density, ZoneLevel level, IReadOnlyList<int> risk)
    {
        var total = 0.0;
        var hours = new HourForecast[DayForecast.Hours];
        for (var h = 0; h < hours.Length; h++)
        {
            total += double.IsNaN(mean[h]) ? 0 : mean[h];
            hours[h] = new HourForecast(h, mean[h], upper[h]);
        }

        return new SubjectBriefing(id, name, peak < 0 ? Missing.Value : total, peak, peak < 0 ? Missing.Value : mean[peak], density, level, risk, hours);
    }

    private static int Peak(double[] mean)
    {
        var peak = -1;
        for (var h = 0; h < mean.Length; h++)
        {
            if (!double.IsNaN(mean[h]) && (peak < 0 || mean[h] > mean[peak]))
            {
                peak = h;
            }
        }

        return peak;
    }

    private static List<int> HoursReaching(double[] upper, double level)
    {
        var hours = new List<int>();
        for (var h = 0; h < upper.Length; h++)
        {
            if (upper[h] >= level)
            {
                hours.Add(h);
            }
        }

        return hours;
    }

    private static ZoneLevel Level(ZoneLevels levels, double density) => ZoneLevelLadder.Of(levels, ZoneMeasure.Density, density);
}

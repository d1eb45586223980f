using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Briefing;

/// <summary>
/// Turns a <see cref="DayForecast"/> into a briefing: per zone, or per sensor when there are no zones, the day's total,
/// peak hour, peak level and the hours at risk.
/// </summary>
/// <remarks>
/// A zone's persons per hour are <see cref="ZonePersons"/> of its sources' hourly forecasts (direct, else cell, else
/// line counters by Little's law with <c>dwellMinutes</c>), as the zone's history and its live forecast define them.
/// The upper bounds are summed on the same basis (a conservative bound for the sum).
/// </remarks>
public static class BriefingBuilder
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The briefing for <paramref name="zones"/>; sources without a series in the panel are skipped.</summary>
    /// <param name="day">The forecast.</param>
    /// <param name="panel">The panel the forecast was made on (for the sensor order).</param>
    /// <param name="zones">The zones.</param>
    /// <param name="model">The model's name, for the report (null: no forecast).</param>
    /// <param name="dwellMinutes">How long a counted passer-by stays in the zone, for line counters (default 10).</param>
    public static DayBriefing ForZones(DayForecast day, SeriesPanel panel, IReadOnlyList<Zone> zones, string? model, double dwellMinutes = ZonePersons.DefaultDwellMinutes)
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
    /// <paramref name="riskProbability"/>, or, without calibrated probabilities, when its upper bound reaches it. A
    /// sensor whose name is null is left out (a zone's source that is no counter).
    /// </summary>
    public static DayBriefing ForSensors(DayForecast day, SeriesPanel panel, IReadOnlyList<string?> names, ReadOnlySpan<double> thresholds, string? model, double riskProbability)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(names);
        var subjects = new List<SubjectBriefing>(panel.Sensors.Count);
        for (var s = 0; s < panel.Sensors.Count; s++)
        {
            if (names[s] is not { } name)
            {
                continue;
            }

            var (mean, upper) = (day.Mean[s], day.Upper[s]);
            var peak = Peak(mean);
            var threshold = thresholds[s];
            var level = peak < 0 ? ZoneLevel.NoData : mean[peak] >= threshold ? ZoneLevel.Warning : ZoneLevel.Ok;
            var risk = double.IsNaN(threshold) ? []
                : day.Reach[s].All(double.IsNaN) ? HoursReaching(upper, threshold)
                : HoursReaching(day.Reach[s], riskProbability);
            subjects.Add(Subject(panel.Sensors[s].Value, name, mean, upper, peak, Missing.Value, level, risk) with { Kind = BriefingSubjectKind.Counter });
        }

        return new DayBriefing(day.Date, model, subjects);
    }

    private static (double[] Mean, double[] Upper) ZoneHours(DayForecast day, SeriesPanel panel, Zone zone, double dwellMinutes)
    {
        var mean = new double[DayForecast.Hours];
        var upper = new double[DayForecast.Hours];
        var means = new double[zone.Sources.Count];
        var uppers = new double[zone.Sources.Count];
        for (var h = 0; h < DayForecast.Hours; h++)
        {
            for (var i = 0; i < means.Length; i++)
            {
                var s = panel.IndexOf(zone.Sources[i].Sensor);
                means[i] = s < 0 ? Missing.Value : day.Mean[s][h];
                uppers[i] = s < 0 ? Missing.Value : day.Upper[s][h];
            }

            var basis = ZonePersons.BasisOf(zone, means);
            mean[h] = basis < 0 ? Missing.Value : ZonePersons.Sum(zone, means, basis, Hour, dwellMinutes);
            upper[h] = basis < 0 ? Missing.Value : ZonePersons.Sum(zone, uppers, basis, Hour, dwellMinutes);
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

using System.Globalization;

namespace Surgewatch.Core.Series;

/// <summary>What a sensor's values are counted in, for axis titles and labels.</summary>
public static class SensorUnits
{
    /// <summary>
    /// The unit of one value of a <paramref name="kind"/> series at <paramref name="step"/>: a count per interval names
    /// the interval (<c>persons per hour</c>); a level is a number present (<c>devices</c>, <c>persons</c>); a speed is
    /// in the unit it was ingested in (the readers do not convert).
    /// </summary>
    public static string AxisTitle(SensorKind kind, TimeSpan step) => kind switch
    {
        SensorKind.PedestrianCount => $"persons per {Interval(step)}",
        SensorKind.RoadFlow => $"vehicles per {Interval(step)}",
        SensorKind.DeviceCount => "devices in the cell",
        SensorKind.RoadSpeed => "speed (km/h or mph, as ingested)",
        SensorKind.Occupancy => "persons present",
        _ => "value per step",
    };

    /// <summary>An interval in words: <c>hour</c>, <c>15 minutes</c>, <c>day</c>, <c>2 hours</c>.</summary>
    public static string Interval(TimeSpan step)
    {
        if (step == TimeSpan.FromHours(1))
        {
            return "hour";
        }

        if (step == TimeSpan.FromDays(1))
        {
            return "day";
        }

        if (step == TimeSpan.FromMinutes(1))
        {
            return "minute";
        }

        return step.Ticks % TimeSpan.TicksPerHour == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalHours:0} hours")
            : string.Create(CultureInfo.InvariantCulture, $"{step.TotalMinutes:0.##} minutes");
    }
}

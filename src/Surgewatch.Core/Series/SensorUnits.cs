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

    /// <summary>The road speed units a site can state (readers do not convert: speeds are stored as ingested).</summary>
    public static readonly IReadOnlyList<string> SpeedUnits = ["km/h", "mph"];

    /// <summary>Whether <paramref name="unit"/> is one of <see cref="SpeedUnits"/>.</summary>
    public static bool IsSpeedUnit(string? unit) => unit is not null && SpeedUnits.Contains(unit, StringComparer.Ordinal);

    /// <summary>
    /// The short unit of one value of a <paramref name="kind"/> series at <paramref name="step"/>, as labels show it:
    /// <c>persons/h</c>, <c>vehicles/5 min</c>, <c>devices</c>, a road speed in <paramref name="speedUnit"/>.
    /// </summary>
    public static string Short(SensorKind kind, TimeSpan step, string speedUnit) => kind switch
    {
        SensorKind.PedestrianCount => $"persons/{Per(step)}",
        SensorKind.RoadFlow => $"vehicles/{Per(step)}",
        SensorKind.DeviceCount => "devices",
        SensorKind.RoadSpeed => speedUnit,
        _ => "persons",
    };

    private static string Per(TimeSpan step) =>
        step == TimeSpan.FromHours(1) ? "h"
        : step == TimeSpan.FromMinutes(1) ? "min"
        : step >= TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{step.TotalMinutes:0.##} min")
        : string.Create(CultureInfo.InvariantCulture, $"{step.TotalSeconds:0} s");

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

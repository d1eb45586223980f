namespace Surgewatch.Core.Zones;

/// <summary>
/// A zone's alert levels, by measure and severity. The defaults follow the crowd-safety literature
/// (see docs and the domain notes): density warning 2 persons/m² (about where Fruin's walkway LOS F starts),
/// alarm 4 (flow breaks down, G. Keith Still), critical 5 (uncomfortable and potentially dangerous, Still);
/// flow warning 66 persons/m/min (Fruin LOS E) and alarm 82 (Fruin LOS F). Fruin has no level above F,
/// so flow's critical level defaults to its alarm level. Override any level per zone with <c>with</c>.
/// </summary>
/// <param name="DensityWarning">Density warning level, persons/m².</param>
/// <param name="DensityAlarm">Density alarm level, persons/m².</param>
/// <param name="DensityCritical">Density critical level, persons/m².</param>
/// <param name="FlowWarning">Flow warning level, persons/m/min.</param>
/// <param name="FlowAlarm">Flow alarm level, persons/m/min.</param>
/// <param name="FlowCritical">Flow critical level, persons/m/min.</param>
public sealed record ZoneLevels(
    double DensityWarning,
    double DensityAlarm,
    double DensityCritical,
    double FlowWarning,
    double FlowAlarm,
    double FlowCritical)
{
    /// <summary>The literature defaults: density 2 / 4 / 5 persons/m², flow 66 / 82 / 82 persons/m/min.</summary>
    public static ZoneLevels Default { get; } = new(2, 4, 5, 66, 82, 82);

    /// <summary>The level at which <paramref name="severity"/> starts for <paramref name="measure"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The measure or severity is not a defined value.</exception>
    public double LevelFor(ZoneMeasure measure, Severity severity) => (measure, severity) switch
    {
        (ZoneMeasure.Density, Severity.Warning) => DensityWarning,
        (ZoneMeasure.Density, Severity.Alarm) => DensityAlarm,
        (ZoneMeasure.Density, Severity.Critical) => DensityCritical,
        (ZoneMeasure.Flow, Severity.Warning) => FlowWarning,
        (ZoneMeasure.Flow, Severity.Alarm) => FlowAlarm,
        (ZoneMeasure.Flow, Severity.Critical) => FlowCritical,
        _ => throw new ArgumentOutOfRangeException(nameof(measure), $"No level for measure '{measure}' and severity '{severity}'; use a defined ZoneMeasure and Severity."),
    };

    /// <summary>
    /// The most serious severity whose level <paramref name="value"/> reaches for <paramref name="measure"/>, or null
    /// below the warning level (and for NaN).
    /// </summary>
    public Severity? SeverityOf(ZoneMeasure measure, double value) =>
        value >= LevelFor(measure, Severity.Critical) ? Severity.Critical
        : value >= LevelFor(measure, Severity.Alarm) ? Severity.Alarm
        : value >= LevelFor(measure, Severity.Warning) ? Severity.Warning
        : null;

    /// <summary>Checks that every level is a positive number and that warning ≤ alarm ≤ critical per measure.</summary>
    /// <exception cref="ArgumentException">A level is out of range or out of order; the message names it.</exception>
    public ZoneLevels Validated()
    {
        CheckOrder("density", DensityWarning, DensityAlarm, DensityCritical);
        CheckOrder("flow", FlowWarning, FlowAlarm, FlowCritical);
        return this;
    }

    private static void CheckOrder(string measure, double warning, double alarm, double critical)
    {
        foreach (var (name, level) in new[] { ("warning", warning), ("alarm", alarm), ("critical", critical) })
        {
            if (!(double.IsFinite(level) && level > 0))
            {
                throw new ArgumentException($"The {measure} {name} level must be a positive number, but is {level}.", measure);
            }
        }

        if (!(warning <= alarm && alarm <= critical))
        {
            throw new ArgumentException($"The {measure} levels must rise from warning to alarm to critical, but are {warning} / {alarm} / {critical}.", measure);
        }
    }
}

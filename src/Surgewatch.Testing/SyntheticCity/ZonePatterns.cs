using Surgewatch.Core.Calendar;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// The synthetic zones' densities as pure functions of the label: the city's <see cref="Rhythm"/> for the zone's kind of
/// place, times a busier or quieter day (<see cref="Noise.DayFactor"/>), the Saturday concert at the arena plaza and the surge on the riverside promenade.
/// </summary>
public static class ZonePatterns
{
    /// <summary>Density in persons/m² of <paramref name="spec"/> at <paramref name="label"/>; the surge starts at <paramref name="surgeStart"/> (none when null).</summary>
    public static double Density(SyntheticZoneSpec spec, TimeLabel label, TimeLabel? surgeStart)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var density = 0.05 + (spec.PeakDensity * Rhythm.Level(spec.Profile, label, holidays: null, northernHemisphere: false) * Noise.DayFactor(spec.Id, label));
        if (spec.Id == SyntheticZones.EventZone)
        {
            density += Concert(label);
        }

        if (spec.Id == SyntheticZones.SurgeZone && surgeStart is { } start)
        {
            density += Surge((label - start).TotalMinutes);
        }

        return density;
    }

    /// <summary>The concert: every Saturday 19:00–22:30, the arena plaza fills to about 1.1 persons/m² more.</summary>
    private static double Concert(TimeLabel label)
    {
        if (label.DayOfWeek != DayOfWeek.Saturday)
        {
            return 0;
        }

        var hour = label.SecondOfDay / 3600.0;
        return hour is < 18 or > 23.5 ? 0 : 1.1 * Smooth((hour - 18) / 1.2) * Smooth((23.5 - hour) / 1.2);
    }

    /// <summary>The surge: +5.2 persons/m² built over 150 minutes, held 30 minutes, gone over 60.</summary>
    private static double Surge(double minutes) => minutes switch
    {
        < 0 => 0,
        < 150 => 5.2 * Smooth(minutes / 150),
        < 180 => 5.2,
        < 240 => 5.2 * Smooth((240 - minutes) / 60),
        _ => 0,
    };

    private static double Smooth(double x)
    {
        var t = Math.Clamp(x, 0, 1);
        return t * t * (3 - (2 * t));
    }
}

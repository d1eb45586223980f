using Surgewatch.Core.Calendar;

namespace Surgewatch.Server.Demo;

/// <summary>The demo city's densities as pure functions of the label: rhythm, weekday, the concert and the surge.</summary>
internal static class DemoPatterns
{
    /// <summary>Density in persons/m² of <paramref name="spec"/> at <paramref name="label"/>.</summary>
    public static double Density(DemoZoneSpec spec, TimeLabel label, TimeLabel surgeStart)
    {
        var hour = label.SecondOfDay / 3600.0;
        var weekend = label.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var shape = spec.Rhythm switch
        {
            DemoRhythm.Commuter => weekend ? 0.35 * Bump(hour, 14, 4) : Math.Max(Bump(hour, 8.5, 1.2), 0.9 * Bump(hour, 17.5, 1.4)) + (0.25 * Bump(hour, 12.5, 2)),
            DemoRhythm.Retail => (weekend ? 1.1 : 0.8) * Math.Max(Bump(hour, 13, 2.5), 0.8 * Bump(hour, 18, 2)),
            _ => (weekend ? 1.0 : 0.6) * Math.Max(Bump(hour, 15, 3), Bump(hour, 20, 2.2)),
        };
        var density = 0.05 + (spec.PeakDensity * shape);
        if (spec.Id == DemoCity.EventZone)
        {
            density += Concert(label);
        }

        if (spec.Id == DemoCity.SurgeZone)
        {
            density += Surge((label - surgeStart).TotalMinutes);
        }

        return density;
    }

    /// <summary>A multiplicative noise factor near 1 that is the same for the same zone and label.</summary>
    public static double Noise(string zoneId, TimeLabel label)
    {
        var hash = (uint)HashCode.Combine(zoneId.Length, zoneId[0], zoneId[^1], label.Seconds);
        hash ^= hash >> 13;
        hash *= 0x5bd1e995;
        hash ^= hash >> 15;
        return 0.97 + (0.06 * (hash / (double)uint.MaxValue));
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

    private static double Bump(double hour, double centre, double width) => Math.Exp(-0.5 * Math.Pow((hour - centre) / width, 2));

    private static double Smooth(double x)
    {
        var t = Math.Clamp(x, 0, 1);
        return t * t * (3 - (2 * t));
    }
}

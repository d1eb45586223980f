using Surgewatch.Core.Calendar;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>
/// The relative busyness of each kind of place by time of day and day of week (1 ≈ a typical busy hour); public
/// holidays follow the Sunday pattern.
/// </summary>
internal static class Rhythm
{
    public static double Level(SensorProfile profile, TimeLabel label, SyntheticCityOptions options) =>
        Level(profile, label, options.Holidays, options.NorthernHemisphere);

    public static double Level(SensorProfile profile, TimeLabel label, IReadOnlySet<DateOnly>? holidays, bool northernHemisphere)
    {
        var hour = label.SecondOfDay / 3600.0;
        var date = label.Date;
        var day = holidays is not null && holidays.Contains(date) ? DayOfWeek.Sunday : label.DayOfWeek;
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var level = profile switch
        {
            SensorProfile.Commuter => weekend
                ? 0.15 + (0.35 * Bump(hour, 13, 3.5))
                : 0.05 + Bump(hour, 8.25, 1.1) + (0.9 * Bump(hour, 17.5, 1.4)) + (0.3 * Bump(hour, 12.5, 1.5)),
            SensorProfile.Retail => 0.03 + ((day == DayOfWeek.Saturday ? 1.1 : weekend ? 0.8 : 0.7) * Bump(hour, 13.5, 3.2)),
            SensorProfile.Nightlife => 0.05 + ((day is DayOfWeek.Friday or DayOfWeek.Saturday ? 1.0 : 0.35) * (Bump(hour, 21.5, 2.5) + Bump(hour - 24, 21.5, 2.5))),
            _ => 0.04 + ((weekend ? 1.0 : 0.45) * Bump(hour, 15, 3.5)),
        };

        // A gentle seasonal swing over the year, peaking in mid-summer: January in the south, July in the north.
        var phase = northernHemisphere ? Math.PI : 0;
        var season = 1 + (0.12 * Math.Cos((2 * Math.PI * date.DayOfYear / 365.25) + phase));
        return level * season;
    }

    private static double Bump(double hour, double centre, double width)
    {
        var z = (hour - centre) / width;
        return Math.Exp(-0.5 * z * z);
    }
}

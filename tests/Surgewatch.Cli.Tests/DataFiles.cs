using System.Globalization;
using System.Text;

namespace Surgewatch.Cli.Tests;

/// <summary>Small data files written by tests: hourly counts with a daily rhythm for a few sensors.</summary>
internal static class DataFiles
{
    public static readonly DateTime Start = new(2024, 1, 1);

    /// <summary>Value of sensor <paramref name="sensor"/> at hour <paramref name="hour"/>: a daily rhythm plus a sensor offset.</summary>
    public static int Value(int sensor, int hour) => 10 + (sensor * 5) + (int)(20 * Math.Max(0, Math.Sin((hour % 24) * Math.PI / 24)));

    public static string LongCsv(int sensors, int days)
    {
        var text = new StringBuilder("timestamp,sensor_id,count\n");
        for (var h = 0; h < days * 24; h++)
        {
            for (var s = 1; s <= sensors; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Start.AddHours(h):yyyy-MM-ddTHH:mm:ss},{s},{Value(s, h)}\n");
            }
        }

        return text.ToString();
    }

    public static string WideCsv(int sensors, int days)
    {
        var text = new StringBuilder("timestamp");
        for (var s = 1; s <= sensors; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $",{s}");
        }

        text.Append('\n');
        for (var h = 0; h < days * 24; h++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Start.AddHours(h):yyyy-MM-ddTHH:mm:ss}");
            for (var s = 1; s <= sensors; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $",{Value(s, h)}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Wide CSV of two 65 mph roads (r1, r2) at 5 minutes from <see cref="Start"/> over <paramref name="days"/> days,
    /// each jammed (25 mph) every morning 07:30-08:30.
    /// </summary>
    public static string RoadSpeedsCsv(int days)
    {
        var text = new StringBuilder("timestamp,r1,r2\n");
        for (var t = 0; t < days * 288; t++)
        {
            var speed = t % 288 is >= 90 and < 102 ? 25 : 65 - (t % 3);
            text.Append(CultureInfo.InvariantCulture, $"{Start.AddMinutes(5 * t):yyyy-MM-ddTHH:mm:ss},{speed},{speed + 1}\n");
        }

        return text.ToString();
    }
}

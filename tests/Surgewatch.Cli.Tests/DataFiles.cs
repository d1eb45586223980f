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
}

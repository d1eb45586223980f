using System.Globalization;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>Reads values out of the Prometheus text that <c>/metrics</c> serves.</summary>
public static class MetricText
{
    /// <summary>
    /// The value of the first sample of <paramref name="name"/> whose labels hold <paramref name="label"/> (any sample
    /// when null); 0 when there is none (a counter that has not counted yet).
    /// </summary>
    public static double Value(string text, string name, string? label = null)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length == name.Length || line[name.Length] is not (' ' or '{'))
            {
                continue;
            }

            var close = line.IndexOf('}', StringComparison.Ordinal);
            var labels = close < 0 ? string.Empty : line[name.Length..close];
            if (label is null || labels.Contains(label, StringComparison.Ordinal))
            {
                var value = line[(close < 0 ? name.Length : close + 1)..].Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

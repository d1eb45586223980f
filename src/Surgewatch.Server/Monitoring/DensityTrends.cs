using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;

namespace Surgewatch.Server.Monitoring;

/// <summary>
/// One density sample per zone and minute (the last hour), and the local trend's 90% upper bound over the next hour:
/// the short-term forecast the zone's forecast level comes from.
/// </summary>
internal sealed class DensityTrends
{
    private const int Keep = 60;
    private readonly Dictionary<string, Queue<(long Minute, double Density)>> _byZone = new(StringComparer.Ordinal);

    public void Record(string zoneId, TimeLabel now, double? density)
    {
        if (!_byZone.TryGetValue(zoneId, out var samples))
        {
            samples = new Queue<(long, double)>();
            _byZone[zoneId] = samples;
        }

        var minute = now.Seconds / 60;
        if (samples.Count > 0 && samples.Peek().Minute > minute)
        {
            samples.Clear();
        }

        if (samples.Count == 0 || LastMinute(samples) < minute)
        {
            samples.Enqueue((minute, density ?? double.NaN));
            while (samples.Count > Keep || (samples.Count > 0 && samples.Peek().Minute <= minute - Keep))
            {
                samples.Dequeue();
            }
        }
    }

    /// <summary>The highest 90% upper bound within the next hour, or null while fewer samples than a trend needs are kept.</summary>
    public double? UpperWithinHour(string zoneId)
    {
        if (!_byZone.TryGetValue(zoneId, out var samples) || samples.Count < LocalTrend.MinimumCount)
        {
            return null;
        }

        var values = new double[samples.Count];
        var i = 0;
        foreach (var (_, density) in samples)
        {
            values[i++] = density;
        }

        return LocalTrend.Fit(values) is { } trend ? Math.Max(values[^1] is var last && double.IsNaN(last) ? 0 : last, trend.MaxUpper(60, 0.9)) : null;
    }

    private static long LastMinute(Queue<(long Minute, double Density)> samples)
    {
        long last = long.MinValue;
        foreach (var (minute, _) in samples)
        {
            last = minute;
        }

        return last;
    }
}

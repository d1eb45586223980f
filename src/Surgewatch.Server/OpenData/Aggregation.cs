using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.OpenData;

/// <summary>Hourly or daily buckets of the open data.</summary>
internal enum Resolution
{
    Hourly,
    Daily,
}

/// <summary>One sensor's aggregate over one hour or day; <paramref name="T"/> is the bucket's start with its offset.</summary>
internal sealed record SensorAggregate(string T, int N, double Sum, double Mean, double Min, double Max);

/// <summary>Aggregates readings on label buckets of an hour or a day, skipping missing values.</summary>
internal static class Aggregation
{
    public static long Seconds(Resolution resolution) => resolution == Resolution.Hourly ? 3600 : TimeLabel.SecondsPerDay;

    public static TimeLabel Floor(TimeLabel label, Resolution resolution)
    {
        var s = Seconds(resolution);
        return new TimeLabel((label.Seconds >= 0 ? label.Seconds / s : ((label.Seconds + 1) / s) - 1) * s);
    }

    /// <summary>Aggregates one sensor's readings (ordered by label, as the store returns them).</summary>
    public static List<SensorAggregate> OfSensor(ObservationBatch batch, Resolution resolution, TimeZoneInfo site)
    {
        var rows = new List<SensorAggregate>();
        var times = batch.TimeSeconds;
        var values = batch.Values;
        long bucket = long.MinValue;
        int n = 0;
        double sum = 0, min = 0, max = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (Missing.Is(values[i]))
            {
                continue;
            }

            var b = Floor(new TimeLabel(times[i]), resolution).Seconds;
            if (b != bucket && n > 0)
            {
                rows.Add(Row(bucket, n, sum, min, max, site));
                n = 0;
            }

            bucket = b;
            (sum, min, max) = n == 0 ? (values[i], values[i], values[i]) : (sum + values[i], Math.Min(min, values[i]), Math.Max(max, values[i]));
            n++;
        }

        if (n > 0)
        {
            rows.Add(Row(bucket, n, sum, min, max, site));
        }

        return rows;
    }

    private static SensorAggregate Row(long bucket, int n, double sum, double min, double max, TimeZoneInfo site) =>
        new(Clock.SiteTimes.Format(new TimeLabel(bucket), site), n, Math.Round(sum, 3), Math.Round(sum / n, 3), min, max);
}

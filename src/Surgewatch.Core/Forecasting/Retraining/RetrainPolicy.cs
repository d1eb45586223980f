using System.Globalization;

namespace Surgewatch.Core.Forecasting.Retraining;

/// <summary>
/// When a model is trained again: every <see cref="Interval"/> after the last training, or once a day at
/// <see cref="DailyAtHour"/> (UTC). Written <c>24h</c>, <c>90m</c>, <c>7d</c> or <c>daily@03</c>.
/// </summary>
/// <param name="Interval">The time between trainings, or null for a daily policy.</param>
/// <param name="DailyAtHour">The hour of day (UTC, 0–23) of a daily policy, or null.</param>
public sealed record RetrainPolicy(TimeSpan? Interval, int? DailyAtHour)
{
    /// <summary>Every <paramref name="interval"/> (positive).</summary>
    public static RetrainPolicy Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new(interval, null);
    }

    /// <summary>Once a day at <paramref name="hour"/> UTC.</summary>
    public static RetrainPolicy DailyAt(int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        return new(null, hour);
    }

    /// <summary>Parses <c>24h</c>, <c>90m</c>, <c>7d</c> or <c>daily@03</c>; throws <see cref="FormatException"/> saying what is accepted.</summary>
    public static RetrainPolicy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("daily@", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23)
        {
            return DailyAt(hour);
        }

        if (t.Length >= 2 && int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (t[^1])
            {
                case 'm': return Every(TimeSpan.FromMinutes(n));
                case 'h': return Every(TimeSpan.FromHours(n));
                case 'd': return Every(TimeSpan.FromDays(n));
            }
        }

        throw new FormatException($"'{text}' is not a retraining policy: write an interval such as 24h, 90m or 7d, or daily@HH (UTC hour), e.g. daily@03.");
    }
}

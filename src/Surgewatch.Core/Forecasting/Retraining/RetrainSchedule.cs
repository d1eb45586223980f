namespace Surgewatch.Core.Forecasting.Retraining;

/// <summary>Decides when a model is due for training again; pure, so that tests move time by hand.</summary>
public static class RetrainSchedule
{
    /// <summary>
    /// When the next training is due: now when the model was never trained; else the last training plus the interval,
    /// or the first <c>DailyAtHour:00</c> UTC after the last training.
    /// </summary>
    public static DateTimeOffset NextDue(RetrainPolicy policy, DateTimeOffset? lastTrained, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (lastTrained is not { } last)
        {
            return now;
        }

        if (policy.Interval is { } interval)
        {
            return last + interval;
        }

        var hour = policy.DailyAtHour ?? throw new ArgumentException("A policy needs an interval or a daily hour.", nameof(policy));
        var utc = last.ToUniversalTime();
        var candidate = new DateTimeOffset(utc.Year, utc.Month, utc.Day, hour, 0, 0, TimeSpan.Zero);
        return candidate > utc ? candidate : candidate.AddDays(1);
    }

    /// <summary>Whether a training is due at <paramref name="now"/>.</summary>
    public static bool IsDue(RetrainPolicy policy, DateTimeOffset? lastTrained, DateTimeOffset now) =>
        now >= NextDue(policy, lastTrained, now);
}

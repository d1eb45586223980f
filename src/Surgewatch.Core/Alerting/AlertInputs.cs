using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Alerting;

/// <summary>Turns a subject's recent samples into the input a rule evaluates.</summary>
public static class AlertInputs
{
    /// <summary>The level of the forecast interval whose upper bound forecast rules compare: 90%.</summary>
    public const double ForecastLevel = 0.9;

    /// <summary>
    /// The sample for <paramref name="rule"/> from <paramref name="recent"/> (oldest first, one every <paramref name="step"/>,
    /// NaN for missing; pass the last 30–60 minutes for forecast rules). A missing latest sample is no data, for forecast
    /// rules too: a trend must not stand in for a dead source. A forecast rule gets the highest 90% upper bound of a
    /// <see cref="LocalTrend"/> within its horizon, or the latest value if that is higher (the horizon starts now); while
    /// too few samples are present to fit a trend, it gets the latest value alone. Pass a window at least as long as
    /// the horizon: a short window projected far ahead gives wide bounds and false alarms.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not positive.</exception>
    public static AlertSample From(AlertRule rule, ReadOnlySpan<double> recent, TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The sample step must be positive, such as one minute.");
        }

        if (recent.IsEmpty || double.IsNaN(recent[^1]))
        {
            return AlertSample.NoData;
        }

        if (rule.Source == AlertSource.Observed)
        {
            return AlertSample.Of(recent[^1]);
        }

        var steps = (int)Math.Ceiling(rule.Horizon / step);
        var latest = recent[^1];
        return AlertSample.Of(LocalTrend.Fit(recent) is { } trend ? Math.Max(latest, trend.MaxUpper(steps, ForecastLevel)) : latest);
    }
}

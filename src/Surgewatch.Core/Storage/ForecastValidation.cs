using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Storage;

/// <summary>Refuses a forecast a store cannot hold, before anything is written, with a message naming it; every store adapter checks with it.</summary>
public static class ForecastValidation
{
    /// <summary>Throws <see cref="ArgumentException"/> for a forecast without a model, with a target twice, or with a bad or repeated interval level.</summary>
    public static void Check(Forecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        if (string.IsNullOrWhiteSpace(forecast.Model))
        {
            throw new ArgumentException($"The forecast for sensor '{forecast.SensorId}' issued at {forecast.IssuedAt} has no model name.", nameof(forecast));
        }

        var targets = new HashSet<long>();
        foreach (var point in forecast.Points)
        {
            if (!targets.Add(point.Target.Seconds))
            {
                throw new ArgumentException($"{Describe(forecast)} has two steps for {point.Target}; give each target once.", nameof(forecast));
            }

            CheckIntervals(forecast, point);
        }
    }

    private static void CheckIntervals(Forecast forecast, ForecastPoint point)
    {
        var levels = new HashSet<double>();
        foreach (var interval in point.Intervals)
        {
            if (!(interval.Level is > 0 and < 1))
            {
                throw new ArgumentException($"{Describe(forecast)} has an interval of level {interval.Level} at {point.Target}; a level lies strictly between 0 and 1.", nameof(forecast));
            }

            if (!levels.Add(interval.Level))
            {
                throw new ArgumentException($"{Describe(forecast)} has two intervals of level {interval.Level} at {point.Target}.", nameof(forecast));
            }
        }
    }

    private static string Describe(Forecast forecast) =>
        $"The forecast for sensor '{forecast.SensorId}' by '{forecast.Model}' issued at {forecast.IssuedAt}";
}

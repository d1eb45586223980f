using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Intervals;

/// <summary>
/// A point forecaster with split-conformal intervals: bound = forecast + offset(level, horizon) × scale(sensor, slot of
/// day), lower bounds floored at 0 when <see cref="NonNegative"/> (counts and speeds are never negative).
/// </summary>
public sealed class ConformalForecaster : IIntervalForecaster, IBatchForecaster
{
    /// <summary>Wraps <paramref name="inner"/> with <paramref name="calibration"/> and <paramref name="scale"/>.</summary>
    public ConformalForecaster(IForecaster inner, ConformalCalibration calibration, IntervalScale scale, bool nonNegative = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(scale);
        Inner = inner;
        Calibration = calibration;
        Scale = scale;
        NonNegative = nonNegative;
    }

    /// <summary>The point forecaster.</summary>
    public IForecaster Inner { get; }

    /// <summary>The offsets per level and horizon.</summary>
    public ConformalCalibration Calibration { get; }

    /// <summary>The per-sensor, per-slot-of-day scale.</summary>
    public IntervalScale Scale { get; }

    /// <summary>Whether lower bounds are floored at 0.</summary>
    public bool NonNegative { get; }

    /// <inheritdoc />
    public IReadOnlyList<double> Levels => Calibration.Levels;

    /// <inheritdoc />
    public void Predict(in ForecastOrigin origin, int series, Span<double> point) => Inner.Predict(origin, series, point);

    /// <inheritdoc />
    public void PredictAll(in ForecastOrigin origin, Span<double> points) => BatchPrediction.PredictAll(Inner, origin, points);

    /// <inheritdoc />
    public void PredictSome(in ForecastOrigin origin, ReadOnlySpan<int> series, Span<double> points) => BatchPrediction.PredictSome(Inner, origin, series, points);

    /// <inheritdoc />
    public void PredictIntervals(in ForecastOrigin origin, int series, ReadOnlySpan<double> point, Span<double> bounds)
    {
        var horizon = point.Length;
        var levels = Calibration.Levels.Count;
        if (bounds.Length != 2 * levels * horizon)
        {
            throw new ArgumentException($"{levels} levels × 2 sides × {horizon} steps need {2 * levels * horizon} bounds, not {bounds.Length}.", nameof(bounds));
        }

        var sensor = origin.Panel.Sensors[series];
        var step = origin.Panel.Step;
        for (var h = 1; h <= horizon; h++)
        {
            var target = origin.LabelAt(origin.Index + h);
            var s = Scale.At(sensor, target, step);
            var hour = target.SecondOfDay / 3600;
            var mean = point[h - 1];
            for (var k = 0; k < levels; k++)
            {
                var lower = mean + (Calibration.Offset(k, upper: false, h, hour) * s);
                var upper = mean + (Calibration.Offset(k, upper: true, h, hour) * s);
                bounds[(2 * k * horizon) + h - 1] = NonNegative && lower < 0 ? 0 : lower;
                bounds[(((2 * k) + 1) * horizon) + h - 1] = upper;
            }
        }
    }

    /// <summary>The intervals of one forecast step as <see cref="PredictionInterval"/>s, narrowest first; bounds from <see cref="PredictIntervals"/>.</summary>
    public static PredictionInterval[] ToIntervals(IReadOnlyList<double> levels, ReadOnlySpan<double> bounds, int horizon, int h)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var intervals = new List<PredictionInterval>(levels.Count);
        for (var k = 0; k < levels.Count; k++)
        {
            var lower = bounds[(2 * k * horizon) + h - 1];
            var upper = bounds[(((2 * k) + 1) * horizon) + h - 1];
            if (!Missing.Is(lower) && !Missing.Is(upper))
            {
                intervals.Add(new PredictionInterval(levels[k], lower, upper));
            }
        }

        return [.. intervals];
    }
}

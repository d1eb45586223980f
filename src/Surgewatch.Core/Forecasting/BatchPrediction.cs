using Surgewatch.Core.Cluster;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting;

/// <summary>Forecasts every series of a panel from one origin: in one batch when the forecaster can, else series by series.</summary>
public static class BatchPrediction
{
    /// <summary>Writes series s, step h at <c>s × horizon + h − 1</c> of <paramref name="points"/> (see <see cref="IBatchForecaster.PredictAll"/>).</summary>
    public static void PredictAll(IForecaster forecaster, in ForecastOrigin origin, Span<double> points)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        if (forecaster is IBatchForecaster batch)
        {
            batch.PredictAll(origin, points);
            return;
        }

        var count = origin.Panel.Sensors.Count;
        if (count == 0 || points.Length % count != 0)
        {
            throw new ArgumentException($"Give {count} series × horizon points, not {points.Length}.", nameof(points));
        }

        var horizon = points.Length / count;
        for (var s = 0; s < count; s++)
        {
            forecaster.Predict(origin, s, points.Slice(s * horizon, horizon));
        }
    }

    /// <summary>
    /// Writes the points of series <paramref name="series"/> alone, laid out as <see cref="PredictAll"/> lays out every
    /// series (see <see cref="IBatchForecaster.PredictSome"/>); the others' points are left as they are.
    /// </summary>
    public static void PredictSome(IForecaster forecaster, in ForecastOrigin origin, ReadOnlySpan<int> series, Span<double> points)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        var count = origin.Panel.Sensors.Count;
        if (count == 0 || points.Length % count != 0)
        {
            throw new ArgumentException($"Give {count} series × horizon points, not {points.Length}.", nameof(points));
        }

        foreach (var s in series)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(series));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(s, count, nameof(series));
        }

        if (forecaster is IBatchForecaster batch)
        {
            batch.PredictSome(origin, series, points);
            return;
        }

        var horizon = points.Length / count;
        foreach (var s in series)
        {
            forecaster.Predict(origin, s, points.Slice(s * horizon, horizon));
        }
    }

    /// <summary>
    /// The series of <paramref name="panel"/> whose sensors are in <paramref name="groups"/>, in order, as
    /// <see cref="Predict"/> takes them: null when that is every series (<see cref="PredictAll"/>).
    /// </summary>
    public static int[]? SeriesOf(SeriesPanel panel, SensorGroups groups)
    {
        ArgumentNullException.ThrowIfNull(panel);
        if (groups.IsAll)
        {
            return null;
        }

        int[] series = [.. Enumerable.Range(0, panel.Sensors.Count).Where(s => groups.Covers(panel.Sensors[s]))];
        return series.Length == panel.Sensors.Count ? null : series;
    }

    /// <summary>
    /// Writes the points of every series (<paramref name="series"/> null) or of <paramref name="series"/> alone; the
    /// others' points are set missing. What a monitor that covers some sensors forecasts.
    /// </summary>
    public static void Predict(IForecaster forecaster, in ForecastOrigin origin, int[]? series, Span<double> points)
    {
        if (series is null)
        {
            PredictAll(forecaster, origin, points);
            return;
        }

        points.Fill(Missing.Value);
        PredictSome(forecaster, origin, series, points);
    }
}

using System.Buffers;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>A fitted <see cref="GbmModel"/>: builds one row per horizon and asks the booster for all of them at once.</summary>
internal sealed class GbmForecaster(SeriesPanel panel, FeatureBuilder builder, Booster booster, Booster? nearBooster, string name, GbmTarget kind = GbmTarget.Level) : IBatchForecaster
{
    private readonly int _perHour = Math.Max(1, (int)(TimeSpan.FromHours(1) / panel.Step));

    public Booster Booster => booster;

    public Booster? NearBooster => nearBooster;

    public SeriesPanel Panel => panel;

    public FeatureBuilder Builder => builder;

    public GbmTarget Target => kind;

    /// <summary>What a prediction is added to after scaling: the last reading for a change target, else 0 (NaN when there is none).</summary>
    private double From(int series, int origin) => kind == GbmTarget.ChangeFromLast ? builder.LastReading(series, origin) : 0;

    /// <summary>
    /// Builds the rows of every series (in parallel) into two blocks, the first-hour horizons and the rest, and asks each
    /// booster once for its whole block.
    /// </summary>
    public void PredictAll(in ForecastOrigin origin, Span<double> points)
    {
        EnsurePanel(origin);
        var count = panel.Sensors.Count;
        if (count == 0 || points.Length % count != 0)
        {
            throw new ArgumentException($"Give {count} series × horizon points, not {points.Length}.", nameof(points));
        }

        var horizon = points.Length / count;
        var near = nearBooster is null ? 0 : Math.Min(horizon, _perHour);
        var columns = builder.Columns;
        var features = new float[count * horizon * columns];
        var predictions = new float[count * horizon];
        var index = origin.Index;
        Parallel.For(0, count, s => BuildRows(s, index, horizon, near, features));
        var nearRows = count * near;
        if (near > 0)
        {
            nearBooster!.Predict(features.AsSpan(0, nearRows * columns), columns, predictions.AsSpan(0, nearRows));
        }

        booster.Predict(features.AsSpan(nearRows * columns), columns, predictions.AsSpan(nearRows));
        for (var s = 0; s < count; s++)
        {
            var scale = builder.ScaleAt(s, index);
            var from = From(s, index);
            for (var h = 0; h < horizon; h++)
            {
                var row = h < near ? (s * near) + h : nearRows + (s * (horizon - near)) + h - near;
                points[(s * horizon) + h] = Missing.Is(scale) ? Missing.Value : Math.Max(0, from + (predictions[row] * scale));
            }
        }
    }

    private void BuildRows(int series, int origin, int horizon, int near, float[] features)
    {
        var columns = builder.Columns;
        var count = panel.Sensors.Count;
        if (Missing.Is(builder.ScaleAt(series, origin)))
        {
            return;
        }

        Span<float> first = stackalloc float[columns];
        builder.BuildOrigin(series, origin, first);
        for (var h = 1; h <= horizon; h++)
        {
            var row = h <= near ? (series * near) + h - 1 : (count * near) + (series * (horizon - near)) + h - 1 - near;
            var target = features.AsSpan(row * columns, columns);
            first[..FeatureLayout.OriginCount].CopyTo(target);
            builder.BuildTarget(series, origin, h, target);
        }
    }

    private void EnsurePanel(in ForecastOrigin origin)
    {
        if (!ReferenceEquals(origin.Panel, panel))
        {
            throw new InvalidOperationException($"Model '{name}' was fitted on another panel; fit it again on this one.");
        }
    }

    public void Predict(in ForecastOrigin origin, int series, Span<double> point)
    {
        EnsurePanel(origin);

        var scale = builder.ScaleAt(series, origin.Index);
        var from = From(series, origin.Index);
        if (Missing.Is(scale) || Missing.Is(from) || point.IsEmpty)
        {
            point.Fill(Missing.Value);
            return;
        }

        var columns = builder.Columns;
        var features = ArrayPool<float>.Shared.Rent(point.Length * columns);
        var predictions = ArrayPool<float>.Shared.Rent(point.Length);
        try
        {
            var first = features.AsSpan(0, columns);
            builder.BuildOrigin(series, origin.Index, first);
            for (var h = 1; h <= point.Length; h++)
            {
                var row = features.AsSpan((h - 1) * columns, columns);
                first[..FeatureLayout.OriginCount].CopyTo(row);
                builder.BuildTarget(series, origin.Index, h, row);
            }

            var near = nearBooster is null ? 0 : Math.Min(point.Length, _perHour);
            if (near > 0)
            {
                nearBooster!.Predict(features.AsSpan(0, near * columns), columns, predictions.AsSpan(0, near));
            }

            booster.Predict(features.AsSpan(near * columns, (point.Length - near) * columns), columns, predictions.AsSpan(near, point.Length - near));
            for (var h = 0; h < point.Length; h++)
            {
                // Counts and speeds are never negative.
                point[h] = Math.Max(0, from + (predictions[h] * scale));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(predictions);
        }
    }
}

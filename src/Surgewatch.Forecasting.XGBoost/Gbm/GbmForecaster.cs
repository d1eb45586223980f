using System.Buffers;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>A fitted <see cref="GbmModel"/>: builds one row per horizon and asks the booster for all of them at once.</summary>
internal sealed class GbmForecaster(SeriesPanel panel, FeatureBuilder builder, Booster booster, Booster? nearBooster, string name) : IForecaster
{
    private readonly int _perHour = Math.Max(1, (int)(TimeSpan.FromHours(1) / panel.Step));

    public Booster Booster => booster;

    public void Predict(in ForecastOrigin origin, int series, Span<double> point)
    {
        if (!ReferenceEquals(origin.Panel, panel))
        {
            throw new InvalidOperationException($"Model '{name}' was fitted on another panel; fit it again on this one.");
        }

        var scale = builder.ScaleAt(series, origin.Index);
        if (Missing.Is(scale) || point.IsEmpty)
        {
            point.Fill(Missing.Value);
            return;
        }

        const int columns = FeatureLayout.Count;
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
                point[h] = Math.Max(0, predictions[h] * scale);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(predictions);
        }
    }
}

using System.Buffers;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Trees;

namespace Surgewatch.Forecasting.XGBoost.Gbm;

/// <summary>
/// A fitted <see cref="GbmModel"/>: builds one row per horizon and evaluates each booster's trees on all of them at once
/// (with <see cref="TreePredictor"/>: the own evaluator where it reproduces XGBoost, else XGBoost). The first-hour
/// horizons take the mean of the first-hour boosters, if any. A counting sensor that has read zero for a whole day
/// (<see cref="FeatureBuilder.ReadZeroForADay"/>) is forecast to keep reading zero, at every horizon, until it reads again:
/// the trees see such long outages too rarely in training to learn that on their own.
/// </summary>
internal sealed class GbmForecaster(SeriesPanel panel, FeatureBuilder builder, Booster booster, Booster[]? nearBoosters, string name, GbmTarget kind = GbmTarget.Level, GbmTarget? nearKind = null) : IBatchForecaster
{
    private readonly int _perHour = SlotCalendar.StepsPerHour(panel.Step);
    private readonly TreePredictor _main = TreePredictor.For(booster, builder.Columns);
    private readonly TreePredictor[]? _near = nearBoosters is null or [] ? null : Array.ConvertAll(nearBoosters, b => TreePredictor.For(b, builder.Columns));

    public Booster Booster => booster;

    /// <summary>The first-hour boosters (their mean is the forecast), or null.</summary>
    public IReadOnlyList<Booster>? NearBoosters => _near is null ? null : nearBoosters;

    public SeriesPanel Panel => panel;

    public FeatureBuilder Builder => builder;

    /// <summary>The predictor of the horizons past the first hour (all horizons without a first-hour booster).</summary>
    public TreePredictor Main => _main;

    /// <summary>The predictors of the first-hour horizons (one per first-hour booster), or null.</summary>
    public IReadOnlyList<TreePredictor>? Near => _near;

    public GbmTarget Target => kind;

    /// <summary>What the first-hour booster learns (<see cref="Target"/> unless set apart).</summary>
    public GbmTarget NearTarget => nearKind ?? kind;

    private int Columns => builder.Columns;

    /// <summary>What the prediction of a row is added to after scaling (<see cref="GbmBase"/>; NaN when there is none).</summary>
    private double From(bool isNear, int series, int origin, ReadOnlySpan<float> row, double scale) =>
        GbmBase.Of(isNear ? NearTarget : kind, builder, series, origin, row, scale);

    /// <summary>
    /// Builds the rows of every series (in parallel) into two blocks of one pooled buffer, the first-hour horizons and
    /// the rest, predicts each block only with the booster that serves it, and scales the predictions back.
    /// </summary>
    public void PredictAll(in ForecastOrigin origin, Span<double> points) => PredictRows(origin, null, points);

    /// <inheritdoc/>
    public void PredictSome(in ForecastOrigin origin, ReadOnlySpan<int> series, Span<double> points) => PredictRows(origin, series.ToArray(), points);

    /// <summary>How many of <paramref name="horizon"/> steps the first-hour booster serves.</summary>
    public int NearSteps(int horizon) => _near is null ? 0 : Math.Min(horizon, _perHour);

    /// <summary>
    /// Stage 1 of <see cref="PredictAll"/>: the rows of every series (or of <paramref name="series"/> alone, in that
    /// order), first-hour rows first (series by series), then the rest. Rows of a series without a scale are left as
    /// they are (their points come out missing).
    /// </summary>
    public void BuildAll(int origin, int horizon, int near, float[] features, int[]? series = null)
    {
        var count = series?.Length ?? panel.Sensors.Count;
        Parallel.For(0, count, p => BuildRows(p, series is null ? p : series[p], count, origin, horizon, near, features));
    }

    /// <summary>Stage 2 of <see cref="PredictAll"/>: one prediction call per booster, each on its own rows only.</summary>
    public void PredictBlocks(int count, int horizon, int near, float[] features, float[] predictions)
    {
        var nearRows = count * near;
        if (near > 0)
        {
            PredictNear(features.AsSpan(0, nearRows * Columns), predictions.AsSpan(0, nearRows));
        }

        var rest = count * (horizon - near);
        _main.Predict(features.AsSpan(nearRows * Columns, rest * Columns), Columns, predictions.AsSpan(nearRows, rest));
    }

    /// <summary>
    /// Stage 3 of <see cref="PredictAll"/>: ratios back to readings, never negative; missing without a scale or base.
    /// <paramref name="points"/> holds every series of the panel; with <paramref name="series"/> only those are written.
    /// </summary>
    public void Descale(int origin, int near, float[] features, float[] predictions, Span<double> points, int[]? series = null)
    {
        var count = series?.Length ?? panel.Sensors.Count;
        var horizon = points.Length / panel.Sensors.Count;
        var nearRows = count * near;
        for (var p = 0; p < count; p++)
        {
            var s = series is null ? p : series[p];
            var scale = builder.ScaleAt(s, origin);
            if (!Missing.Is(scale) && builder.ReadZeroForADay(s, origin))
            {
                points.Slice(s * horizon, horizon).Clear();
                continue;
            }

            for (var h = 0; h < horizon; h++)
            {
                var row = h < near ? (p * near) + h : nearRows + (p * (horizon - near)) + h - near;
                if (Missing.Is(scale))
                {
                    points[(s * horizon) + h] = Missing.Value;
                    continue;
                }

                var from = From(h < near, s, origin, features.AsSpan(row * Columns, Columns), scale);
                points[(s * horizon) + h] = Missing.Is(from) ? Missing.Value : Math.Max(0, from + (predictions[row] * scale));
            }
        }
    }

    /// <summary>
    /// Builds the rows of every series (or of <paramref name="series"/>) in parallel into two blocks of one pooled
    /// buffer, the first-hour horizons and the rest, predicts each block only with the booster that serves it, and
    /// scales the predictions back into <paramref name="points"/> (laid out for every series of the panel).
    /// </summary>
    private void PredictRows(in ForecastOrigin origin, int[]? series, Span<double> points)
    {
        EnsurePanel(origin);
        var all = panel.Sensors.Count;
        if (all == 0 || points.Length % all != 0)
        {
            throw new ArgumentException($"Give {all} series × horizon points, not {points.Length}.", nameof(points));
        }

        var count = series?.Length ?? all;
        if (count == 0)
        {
            return;
        }

        var horizon = points.Length / all;
        var near = NearSteps(horizon);
        var features = ArrayPool<float>.Shared.Rent(count * horizon * Columns);
        var predictions = ArrayPool<float>.Shared.Rent(count * horizon);
        try
        {
            BuildAll(origin.Index, horizon, near, features, series);
            PredictBlocks(count, horizon, near, features, predictions);
            Descale(origin.Index, near, features, predictions, points, series);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(predictions);
        }
    }

    /// <summary>The mean of the first-hour boosters' predictions of <paramref name="features"/>' rows.</summary>
    private void PredictNear(ReadOnlySpan<float> features, Span<float> predictions)
    {
        _near![0].Predict(features, Columns, predictions);
        if (_near.Length == 1)
        {
            return;
        }

        var more = ArrayPool<float>.Shared.Rent(predictions.Length);
        try
        {
            var sums = more.AsSpan(0, predictions.Length);
            for (var i = 1; i < _near.Length; i++)
            {
                _near[i].Predict(features, Columns, sums);
                for (var r = 0; r < predictions.Length; r++)
                {
                    predictions[r] += sums[r];
                }
            }

            for (var r = 0; r < predictions.Length; r++)
            {
                predictions[r] /= _near.Length;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(more);
        }
    }

    /// <summary>Builds the rows of series <paramref name="series"/>, the <paramref name="position"/>-th of the <paramref name="count"/> built.</summary>
    private void BuildRows(int position, int series, int count, int origin, int horizon, int near, float[] features)
    {
        if (Missing.Is(builder.ScaleAt(series, origin)))
        {
            return;
        }

        Span<float> first = stackalloc float[Columns];
        builder.BuildOrigin(series, origin, first);
        for (var h = 1; h <= horizon; h++)
        {
            var row = h <= near ? (position * near) + h - 1 : (count * near) + (position * (horizon - near)) + h - 1 - near;
            var target = features.AsSpan(row * Columns, Columns);
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
        if (Missing.Is(scale) || point.IsEmpty)
        {
            point.Fill(Missing.Value);
            return;
        }

        if (builder.ReadZeroForADay(series, origin.Index))
        {
            point.Clear();
            return;
        }

        var features = ArrayPool<float>.Shared.Rent(point.Length * Columns);
        var predictions = ArrayPool<float>.Shared.Rent(point.Length);
        try
        {
            var first = features.AsSpan(0, Columns);
            builder.BuildOrigin(series, origin.Index, first);
            for (var h = 1; h <= point.Length; h++)
            {
                var row = features.AsSpan((h - 1) * Columns, Columns);
                first[..FeatureLayout.OriginCount].CopyTo(row);
                builder.BuildTarget(series, origin.Index, h, row);
            }

            var near = NearSteps(point.Length);
            if (near > 0)
            {
                PredictNear(features.AsSpan(0, near * Columns), predictions.AsSpan(0, near));
            }

            _main.Predict(features.AsSpan(near * Columns, (point.Length - near) * Columns), Columns, predictions.AsSpan(near, point.Length - near));
            for (var h = 0; h < point.Length; h++)
            {
                // Counts and speeds are never negative.
                var from = From(h < near, series, origin.Index, features.AsSpan(h * Columns, Columns), scale);
                point[h] = Missing.Is(from) ? Missing.Value : Math.Max(0, from + (predictions[h] * scale));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
            ArrayPool<float>.Shared.Return(predictions);
        }
    }
}

using System.Diagnostics;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Forecasting.XGBoost;
using Surgewatch.Forecasting.XGBoost.Gbm;
using Surgewatch.Forecasting.XGBoost.Trees;

namespace Surgewatch.Benchmarks.Forecasting;

/// <summary>
/// Splits one gbm refresh into its stages (feature rows, prediction per booster, de-scaling) and times the prediction
/// stage with the own tree evaluator and with XGBoost's predictor side by side, alternating, on the same rows.
/// </summary>
internal static class RefreshProfile
{
    private const int Columns = FeatureLayout.Count;

    public static void Run(GbmForecaster gbm, ForecastOrigin origin, int horizon, int runs)
    {
        var count = origin.Panel.Sensors.Count;
        var near = gbm.NearSteps(horizon);
        var features = new float[count * horizon * Columns];
        var own = new float[count * horizon];
        var xgb = new float[count * horizon];
        var points = new double[count * horizon];
        Console.WriteLine($"evaluator: main booster {Describe(gbm.Main)}; first-hour boosters {(gbm.Near is null ? "none" : $"{gbm.Near.Count} × {Describe(gbm.Near[0])}")}");
        Console.WriteLine($"own evaluator set-up of the main booster (JSON, lay-out, check on probe rows; at fit or load, not per refresh): {Seconds(() => TreePredictor.For(gbm.Main.Booster, Columns)):0.000} s");
        Console.WriteLine($"rows: {count * near:N0} first-hour + {count * (horizon - near):N0} main = {count * horizon:N0} × {Columns} columns");
        for (var run = 1; run <= runs; run++)
        {
            var build = Seconds(() => gbm.BuildAll(origin.Index, horizon, near, features));
            var cpu = Cpu();
            var ownTimes = PredictTimes(gbm, count, horizon, near, features, own, useOwn: true);
            var ownCpu = Cpu() - cpu;
            var xgbTimes = PredictTimes(gbm, count, horizon, near, features, xgb, useOwn: false);
            var xgbCpu = Cpu() - cpu - ownCpu;
            var descale = Seconds(() => gbm.Descale(origin.Index, near, features, own, points));
            Console.WriteLine(
                $"profile run {run}: build rows {build:0.000} s | own trees: first-hour {ownTimes.Near:0.000} s, main {ownTimes.Main:0.000} s (CPU {ownCpu:0.000} s) | "
                + $"XGBoost: first-hour {xgbTimes.Near:0.000} s, main {xgbTimes.Main:0.000} s (CPU {xgbCpu:0.000} s) | de-scale {descale:0.000} s");
        }

        Console.WriteLine($"own trees vs XGBoost on these {own.Length:N0} rows: largest difference {LargestDifference(own, xgb):G3}");
    }

    private static (double Near, double Main) PredictTimes(GbmForecaster gbm, int count, int horizon, int near, float[] features, float[] predictions, bool useOwn)
    {
        var nearRows = count * near;
        var rest = count * (horizon - near);
        var nearTime = near == 0 ? 0 : Seconds(() =>
        {
            foreach (var predictor in gbm.Near!)
            {
                Predict(predictor, useOwn, features.AsSpan(0, nearRows * Columns), predictions.AsSpan(0, nearRows));
            }
        });
        var mainTime = Seconds(() => Predict(gbm.Main, useOwn, features.AsSpan(nearRows * Columns, rest * Columns), predictions.AsSpan(nearRows, rest)));
        return (nearTime, mainTime);
    }

    private static void Predict(TreePredictor predictor, bool useOwn, ReadOnlySpan<float> features, Span<float> predictions)
    {
        if (useOwn && predictor.Ensemble is { } trees)
        {
            trees.Predict(features, Columns, predictions);
        }
        else
        {
            predictor.Booster.Predict(features, Columns, predictions);
        }
    }

    private static string Describe(TreePredictor predictor) => predictor.Ensemble is { } trees
        ? $"own trees ({trees.Trees} trees padded to depth {trees.Depth})"
        : $"XGBoost ({predictor.FallbackReason})";

    private static double LargestDifference(float[] a, float[] b)
    {
        double largest = 0;
        for (var i = 0; i < a.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        }

        return largest;
    }

    /// <summary>CPU seconds of this process so far (user + system, all threads): less sensitive than wall time to other jobs on a shared machine.</summary>
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static double Seconds(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The refresh before the own evaluator: the same rows and stages, with XGBoost predicting every block.</summary>
    public static void XGBoostRefresh(GbmForecaster gbm, ForecastOrigin origin, int horizon, double[] points)
    {
        var count = origin.Panel.Sensors.Count;
        var near = gbm.NearSteps(horizon);
        var features = new float[count * horizon * Columns];
        var predictions = new float[count * horizon];
        gbm.BuildAll(origin.Index, horizon, near, features);
        var nearRows = count * near;
        if (near > 0)
        {
            // With several first-hour boosters (three for hourly and for sub-hourly data), the forecast is their mean.
            var one = new float[nearRows];
            foreach (var predictor in gbm.Near!)
            {
                predictor.Booster.Predict(features.AsSpan(0, nearRows * Columns), Columns, one);
                for (var r = 0; r < nearRows; r++)
                {
                    predictions[r] += one[r] / gbm.Near.Count;
                }
            }
        }

        gbm.Main.Booster.Predict(features.AsSpan(nearRows * Columns), Columns, predictions.AsSpan(nearRows));
        gbm.Descale(origin.Index, near, features, predictions, points);
    }

    /// <summary>Loads the fitted model from <paramref name="file"/> when it exists, else fits it and saves it there.</summary>
    public static GbmForecaster FitOrLoad(Core.Series.SeriesPanel panel, string? file, GbmOptions options)
    {
        var model = new GbmModel(options: options);
        if (file is not null && File.Exists(file))
        {
            return (GbmForecaster)model.Load(File.ReadAllBytes(file), panel);
        }

        var fitted = (GbmForecaster)model.Fit(panel, panel.Length);
        if (file is not null)
        {
            File.WriteAllBytes(file, model.SaveState(fitted));
        }

        return fitted;
    }
}

using System.Diagnostics;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Benchmarks.Forecasting;

/// <summary>
/// <c>forecast-speed fit DIR</c>: times fitting gbm (and seasonal-naive-week) on a whole data folder.
/// <c>forecast-speed refresh [SERIES [MODEL_FILE]]</c>: times one refresh of SERIES synthetic series × 24 horizons with
/// a fitted gbm (loaded from MODEL_FILE when it exists, else fitted and saved there), batched into one prediction call
/// per booster, with the own tree evaluator and with XGBoost's predictor side by side, and seasonal-naive-week; then
/// the refresh of each third of the sensor groups (what each node of three forecasts); then splits the refresh into its
/// stages (<see cref="RefreshProfile"/>).
/// </summary>
internal static class ForecastSpeed
{
    public const string Command = "forecast-speed";

    public static int Run(string[] args)
    {
        Console.WriteLine($"{Environment.ProcessorCount} logical CPUs; load average {LoadAverage()}");
        return args.Length >= 2 && args[0] == "fit" ? Fit(args[1], args.Length > 2 ? args[2] : null, args.Length > 3 ? args[3] : null)
            : args.Length >= 1 && args[0] == "refresh" ? Refresh(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000, args.Length > 2 ? args[2] : null)
            : Usage();
    }

    private static int Fit(string folder, string? holidays, string? events)
    {
        var data = DataSet.Load(folder);
        var panel = SeriesPanel.FromBatch(data.Observations, data.Step);
        var context = new FeatureContext(
            holidays is null ? null : CalendarLibrary.Shipped.LoadRegion(holidays),
            events is null ? null : new EventCalendar(CalendarLibrary.Shipped.LoadEvents(events)));
        Console.WriteLine($"{folder}: {panel.Sensors.Count} sensors × {panel.Length} slots of {panel.Step}");
        Time("seasonal-naive-week fit", () => new SeasonalNaiveModel(SeasonalPeriod.Week).Fit(panel, panel.Length));
        Time("gbm fit (2 boosters)", () => new GbmModel(context).Fit(panel, panel.Length));
        return 0;
    }

    private static int Refresh(int seriesCount, string? modelFile)
    {
        const int horizon = 24;
        var panel = Synthetic(seriesCount, weeks: 6);
        Console.WriteLine($"synthetic: {seriesCount} series × {panel.Length} hourly slots; forecasts of {horizon} steps");
        // The hourly defaults a deployment gets (first-hour boosters, outage and dead-counter handling), on fewer rows:
        // the rows decide the fit time, not the refresh, which evaluates the same trees either way.
        var options = GbmOptions.ForStep(TimeSpan.FromHours(1)) with { MaxTrainingRows = 200_000, ShortHorizonRows = 100_000 };
        var what = modelFile is not null && File.Exists(modelFile) ? $"gbm load from {modelFile}" : "gbm fit (once, not part of the refresh)";
        var gbm = Time(what, () => RefreshProfile.FitOrLoad(panel, modelFile, options));
        var naive = new SeasonalNaiveModel(SeasonalPeriod.Week).Fit(panel, panel.Length);
        var origin = new ForecastOrigin(panel, panel.Length - 1);
        var points = new double[seriesCount * horizon];
        var before = new double[seriesCount * horizon];
        for (var run = 1; run <= 3; run++)
        {
            Time($"gbm refresh, batched, own tree evaluator (run {run})", () => gbm.PredictAll(origin, points));
            Time($"gbm refresh, batched, XGBoost predictor (run {run})", () => RefreshProfile.XGBoostRefresh(gbm, origin, horizon, before));
            Time($"seasonal-naive-week refresh (run {run})", () => BatchPrediction.PredictAll(naive, origin, points));
        }

        // In a cluster of three, each node forecasts the sensors of its third of the groups (SensorGroups) alone.
        var thirds = Enumerable.Range(0, 3)
            .Select(n => Enumerable.Range(0, seriesCount).Where(s => SensorGroups.Of(panel.Sensors[s]) / (SensorGroups.Count / 3) == n).ToArray()).ToArray();
        for (var run = 1; run <= 3; run++)
        {
            for (var n = 0; n < thirds.Length; n++)
            {
                var third = thirds[n];
                Time($"gbm refresh of one node's groups of three ({third.Length} series, PredictSome; run {run}, node {n + 1})", () => gbm.PredictSome(origin, third, points));
            }
        }

        Time("gbm refresh into Forecast objects (ForecastIssuer.Issue, no intervals)", () => ForecastIssuer.Issue(gbm, origin, horizon, "gbm"));
        gbm.PredictAll(origin, points);
        Console.WriteLine($"largest difference of the two gbm refreshes' points: {LargestDifference(points, before):G3}");
        RefreshProfile.Run(gbm, origin, horizon, runs: 3);
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static double LargestDifference(double[] a, double[] b)
    {
        double largest = 0;
        for (var i = 0; i < a.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(a[i] - b[i]));
        }

        return largest;
    }

    private static SeriesPanel Synthetic(int count, int weeks)
    {
        var length = weeks * 168;
        var random = new Random(1);
        var ids = new SensorId[count];
        var values = new double[count][];
        for (var s = 0; s < count; s++)
        {
            ids[s] = new SensorId($"syn-{s:D5}");
            values[s] = new double[length];
            var level = 20 + random.Next(2000);
            for (var t = 0; t < length; t++)
            {
                var hour = t % 24;
                var weekend = (t / 24 % 7) >= 5 ? 0.6 : 1.0;
                var shape = 0.15 + Math.Max(0, Math.Sin((hour - 6) * Math.PI / 14));
                values[s][t] = Math.Round(level * shape * weekend * (0.9 + (0.2 * random.NextDouble())));
            }
        }

        return new SeriesPanel(TimeLabel.FromDate(new DateOnly(2024, 1, 1)), TimeSpan.FromHours(1), ids, values);
    }

    private static T Time<T>(string what, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        Console.WriteLine($"{what}: {watch.Elapsed.TotalSeconds:0.000} s");
        return result;
    }

    private static void Time(string what, Action action) => Time(what, () =>
    {
        action();
        return 0;
    });

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private static int Usage()
    {
        Console.Error.WriteLine($"usage: {Command} fit DIR [HOLIDAYS EVENTS] | {Command} refresh [SERIES [MODEL_FILE]]");
        return 2;
    }
}

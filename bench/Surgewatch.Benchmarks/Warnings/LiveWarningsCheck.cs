using System.Diagnostics;
using System.Globalization;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Sources;
using Surgewatch.Models.Catalog;

namespace Surgewatch.Benchmarks.Warnings;

/// <summary>
/// <c>live-warnings-check DATA TEST-FROM [TEST-TO] [MODEL] [HOLIDAYS] [EVENTS]</c>: on real data, the warning episodes
/// <c>evaluate-warnings</c> scores and those the live path raises (the model saved, loaded onto a panel that receives
/// each hour's readings when the hour has ended, the surge monitor issued once per slot) must be the same; prints both
/// counts and the first difference, and exits 1 when they differ. bench/live-warnings-check.sh runs it on Melbourne 2014.
/// </summary>
internal static class LiveWarningsCheck
{
    public const string Command = "live-warnings-check";

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine($"usage: {Command} DATA TEST-FROM [TEST-TO] [MODEL=gbm] [HOLIDAYS] [EVENTS]");
            return 2;
        }

        var data = DataSet.Load(args[0]);
        var panel = SeriesPanel.FromBatch(data.Observations, data.Step);
        var testStart = panel.FirstSlotAtOrAfter(Day(args[1]));
        var testEnd = args.Length > 2 && args[2] != "-" ? panel.FirstSlotAtOrAfter(Day(args[2]) + TimeSpan.FromDays(1)) : panel.Length;
        var name = args.Length > 3 ? args[3] : "gbm";
        var features = ModelCatalogs.Features(args.Length > 4 ? args[4] : null, args.Length > 5 ? args[5] : null, null);
        var model = (IPersistentForecastModel)ModelCatalogs.Create(features, intervals: false).Get(name);
        var options = new WarningEvaluationOptions();
        var clock = Stopwatch.StartNew();

        var swept = new WarningEvaluator(TimeProvider.System).Sweep(panel, model, testStart, testEnd, options, null, CancellationToken.None);
        var evaluated = SurgeReplay.Evaluated(panel, WarningEvaluator.Flags(panel, swept, options), testStart, testEnd);
        var evaluatedAt = clock.Elapsed;

        // The deployment path: the rule from the same calibration forecasts (as ModelTrainer builds it), the model
        // fitted before the test period, saved and loaded onto the live panel.
        var rule = SurgeRule.FromCalibration(panel, swept.Calibration, options);
        var state = model.SaveState(model.Fit(panel, testStart));
        var live = SurgeReplay.Live(panel, rule, fresh => model.Load(state, fresh), testStart, testEnd);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name} on {args[0]}, {panel.LabelAt(testStart)} to {panel.LabelAt(testEnd - 1)}, {rule.WarnedCounters} counters with a threshold"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluated episodes: {evaluated.Count} ({evaluatedAt.TotalSeconds:0} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"live episodes:      {live.Count} ({(clock.Elapsed - evaluatedAt).TotalSeconds:0} s)"));
        var first = Enumerable.Range(0, Math.Max(evaluated.Count, live.Count))
            .FirstOrDefault(i => i >= evaluated.Count || i >= live.Count || evaluated[i] != live[i], -1);
        if (first < 0)
        {
            Console.WriteLine("identical: yes");
            return 0;
        }

        Console.WriteLine($"identical: no; first difference at {first}: evaluated {(first < evaluated.Count ? evaluated[first] : null)}, live {(first < live.Count ? live[first] : null)}");
        return 1;
    }

    private static TimeLabel Day(string text) =>
        TimeLabel.FromDate(DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
}

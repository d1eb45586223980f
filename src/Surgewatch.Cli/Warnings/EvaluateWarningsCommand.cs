using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Warnings;

/// <summary><c>surgewatch evaluate-warnings</c>: how early and how precisely the forecast rule warns of surges, against a baseline.</summary>
internal static class EvaluateWarningsCommand
{
    private const string DefaultModel = "gbm";
    private const string BaselineModel = "historical-median-4w";

    /// <summary>The roads' baseline: the profile of the same kind of day (recurring rush-hour jams are foreseen from it alone).</summary>
    private const string RoadBaselineModel = DayKindMedianModel.ModelName;

    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "A data folder of hourly counts (counts.csv[.gz], optional sensors.csv) or one file.", Required = true };
        var testFrom = new Option<string>("--test-from") { Description = "First day of the test period; thresholds and models use only data before it.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var model = new Option<string>("--model") { Description = $"Forecast model of the product rule: {string.Join(", ", ModelContext.Names)}.", DefaultValueFactory = _ => DefaultModel };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for gbm's calendar features, e.g. au-vic." };
        var events = new Option<string?>("--events") { Description = "Events for gbm: an events CSV file or a shipped name, e.g. melbourne-2009-2014." };
        var horizon = new Option<int>("--horizon") { Description = "Slots ahead the live rule forecasts from every slot (at least 2 for a lead of an hour on hourly data).", DefaultValueFactory = _ => 3 };
        var calibration = new Option<int>("--calibration-weeks") { Description = "Weeks before --test-from on which the warning rule is calibrated out of sample.", DefaultValueFactory = _ => 8 };
        var testTo = new Option<string?>("--test-to") { Description = "Last day of the test period (default: the end of the data), e.g. to choose rule settings on a validation year." };
        var cache = new Option<DirectoryInfo?>("--forecast-cache") { Description = "Folder that keeps the swept forecasts (keyed by model, data, test window, calibration weeks, horizon, refit interval), so that other rule settings are scored without refitting." };
        var refitEvery = new Option<string?>("--refit-every")
        {
            Description = BacktestCommand.RefitHelp + " The warning rule is calibrated again at each refit point too (thresholds and exceedance calibration, on the calibration weeks before it), as train does.",
        };
        var fitCache = new Option<DirectoryInfo?>("--fit-cache") { Description = BacktestCommand.FitCacheHelp };
        var recalibrate = new Option<bool>("--recalibrate-rule")
        {
            Description = "With --refit-every: calibrate the warning rule again at each refit point, as training does (true), or keep the rule of --test-from and refit only the model (false: the surges scored are then those of one fit).",
            DefaultValueFactory = _ => true,
        };
        var readerOptions = new ReaderOptionsBinding();
        var rule = new WarningRuleBinding();
        var command = new Command("evaluate-warnings", "Measure warning quality of the warning rule against a baseline: on counts, surges (recall at 1 h lead and day-ahead, precision, false episodes, warned share; baseline historical-median-4w); on road speeds (--kind road-speed), congestion onsets with the congestion rule (recall at 15 and 40 min lead, precision, false episodes per day; baseline day-kind-median-3d, the same-kind-of-day profile).")
        {
            data, testFrom, testTo, json, model, holidays, events, horizon, calibration, refitEvery, recalibrate, cache, fitCache,
        };
        readerOptions.AddTo(command);
        rule.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var dataset = DatasetLoader.Load(context, result.GetValue(data), demo: false, readerOptions.Read(result));
            // Point forecasts only: the conformal wrapper's intervals are not used by the rules and cost a fit each.
            var catalog = ModelContext.Catalog(dataset, result.GetValue(holidays), result.GetValue(events), intervals: false);
            var options = rule.Apply(result, new WarningEvaluationOptions(RollingHorizon: result.GetValue(horizon), CalibrationWeeks: result.GetValue(calibration)));
            var roads = dataset.Sensors.Count > 0 && dataset.Sensors.All(s => s.Kind == SensorKind.RoadSpeed);
            if (roads)
            {
                // Road speeds: the congestion rule over the next hour from every slot, no day-ahead briefing, scored against
                // onsets; --p-live and --keep-firing (hours) set its level and keep-firing when given.
                var road = CongestionRuleOptions.Default;
                road = rule.LiveProbabilityGiven(result) ? road with { Probability = options.LiveProbability } : road;
                road = rule.KeepFiringGiven(result) ? road with { KeepFiring = TimeSpan.FromHours(options.KeepFiringHours) } : road;
                options = options with
                {
                    Congestion = road,
                    RollingHorizon = result.GetResult(horizon) is { Implicit: false } ? options.RollingHorizon : WarningEvaluationOptions.RoadWindowSlots(dataset.Panel.Step),
                    DayAhead = false,
                    KeepFiringHours = 0,
                };
            }

            var testText = result.GetValue(testFrom)!;
            var testStart = TestStart(dataset.Panel, testText);
            var testEnd = TestEnd(dataset.Panel, testStart, result.GetValue(testTo));
            var store = result.GetValue(cache) is { } folder ? new ForecastCache(folder) : null;
            var every = CliParsing.ParseRefitInterval(result.GetValue(refitEvery), "--refit-every");
            // One fit keeps the key it always had, so that existing caches stay valid.
            var refitKey = every is { } interval ? $"|refit {interval.Ticks}" : string.Empty;
            // The data digest is read once for both models, and only when there is a cache to key.
            var key = store is null
                ? string.Empty
                : $"{result.GetValue(data)}|{dataset.Panel.Start}|{dataset.Panel.Length}|{dataset.Panel.Sensors.Count}|{result.GetValue(holidays)}|{result.GetValue(events)}|{testStart}|{testEnd}|{options.CalibrationWindow.TotalDays}|{options.RollingHorizon}|{options.DayAhead}{refitKey}|data {ForecastCache.DataDigest(dataset.Panel)}";
            var fits = result.GetValue(fitCache) is { } fitFolder ? new FitCache(fitFolder, dataset, result.GetValue(holidays), result.GetValue(events)) : null;
            var run = new Run(context, dataset, testStart, testEnd, options, every, store, key) { RecalibrateRule = result.GetValue(recalibrate), Fits = fits };
            var product = Evaluate(run, catalog.Get(result.GetValue(model) ?? DefaultModel), cancellation);
            var baseline = Evaluate(run, catalog.Get(roads ? RoadBaselineModel : BaselineModel), cancellation);
            var cadence = every is { } refitInterval
                ? $"refit every {CliParsing.FormatInterval(refitInterval)}, {(run.RecalibrateRule ? "rule calibrated again at each refit" : "rule of --test-from kept")}"
                : null;
            context.Console.Write(WarningsTable.Build(product, baseline, cadence));
            if (fits is not null)
            {
                context.Console.MarkupLineInterpolated($"Fit cache: {fits.Fitted} fitted, {fits.Loaded} loaded.");
            }

            if (result.GetValue(json) is { } file)
            {
                var refit = every is { } e ? new WarningsJson.Refit(CliParsing.FormatInterval(e), run.RecalibrateRule) : null;
                await File.WriteAllTextAsync(file.FullName, WarningsJson.Serialize(dataset.Name, testText, result.GetValue(testTo), refit, options, product, baseline), cancellation);
                context.Console.MarkupLineInterpolated($"JSON report: [blue]{file.FullName}[/]");
            }

            return 0;
        }));
        return command;
    }

    private static int TestStart(SeriesPanel panel, string text)
    {
        var label = CliParsing.ParseLabel(text, "--test-from");
        if (label <= panel.Start || label > panel.LabelAt(panel.Length - 1))
        {
            throw new UserInputException($"--test-from {label}: it must fall inside the data, which runs from {panel.Start} to {panel.LabelAt(panel.Length - 1)}.");
        }

        return panel.FirstSlotAtOrAfter(label);
    }

    private static int TestEnd(SeriesPanel panel, int testStart, string? text)
    {
        if (text is null)
        {
            return panel.Length;
        }

        var label = CliParsing.ParseLabel(text, "--test-to");
        var end = panel.FirstSlotAtOrAfter(label + TimeSpan.FromDays(1));
        if (end <= testStart + 1)
        {
            throw new UserInputException($"--test-to {label}: it must fall after --test-from.");
        }

        return Math.Min(end, panel.Length);
    }

    private static WarningEvaluation Evaluate(Run run, IForecastModel model, CancellationToken cancellation)
    {
        try
        {
            var panel = run.Dataset.Panel;
            var key = ForecastCache.KeyFor(run.Key, model);
            var forecasts = run.Cache?.TryLoad(model.Name, key);
            if (forecasts is null)
            {
                run.Context.Console.Status().Start($"Forecasting {model.Name} on {run.Dataset.Name} for the warning rules", _ =>
                    forecasts = new WarningEvaluator(run.Context.Time).Sweep(panel, run.Fits?.Wrap(model) ?? model, run.TestStart, run.TestEnd, run.Options, run.RefitEvery, null, cancellation));
                run.Cache?.Save(model.Name, key, forecasts!);
            }

            return WarningEvaluator.Score(panel, model.Name, forecasts!, run.Options, run.RecalibrateRule);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"evaluate-warnings: {e.Message}");
        }
    }

    private sealed record Run(CliContext Context, Dataset Dataset, int TestStart, int TestEnd, WarningEvaluationOptions Options, TimeSpan? RefitEvery, ForecastCache? Cache, string Key)
    {
        /// <summary>Whether the rule is calibrated again at each refit point (<c>--recalibrate-rule</c>).</summary>
        public bool RecalibrateRule { get; init; } = true;

        /// <summary>The folder of fitted models (<c>--fit-cache</c>), or null.</summary>
        public FitCache? Fits { get; init; }
    }
}

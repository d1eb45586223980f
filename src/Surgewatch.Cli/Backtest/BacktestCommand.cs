using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Forecasting;

namespace Surgewatch.Cli.Backtest;

/// <summary><c>surgewatch backtest</c>: replays forecasts over a test period and scores them against what happened.</summary>
internal static class BacktestCommand
{
    /// <summary>The help of <c>--fit-cache</c>, shared with <c>evaluate-warnings</c>.</summary>
    public const string FitCacheHelp =
        "Folder that keeps every fitted model (keyed by model and its code, features, training end and the readings before it), so that other protocols, "
        + "refit cadences, --test-to windows or evaluate-warnings reuse the same fits instead of fitting again. Fit times then count loading, not fitting.";

    /// <summary>The help of <c>--refit-every</c>, shared with <c>evaluate-warnings</c>.</summary>
    public const string RefitHelp =
        "Fit the model again every INTERVAL of the test period (7d, 28d, 24h: the grammar of train --every), each time on all data before that point, "
        + "as a deployment retraining on that cadence would; forecasts come from the latest fit before they are issued. Default: one fit before the test period.";

    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "A data folder (counts.csv[.gz] long or readings.csv[.gz] wide, optional sensors.csv) or one file (long/wide CSV or NDJSON, plain or .gz)." };
        var demo = new Option<bool>("--demo") { Description = "Use the built-in synthetic city instead of --data." };
        var model = new Option<string?>("--model") { Description = $"Forecast model: {string.Join(", ", ModelContext.Names)}. Default: the best model, gbm (or, without libxgboost0, the best baseline for the data's step)." };
        var testFrom = new Option<string?>("--test-from") { Description = "First day (or label) of the test period; the model learns only from data before it. Default: the start of the last 28 days." };
        var protocol = new Option<string>("--protocol") { Description = "rolling: a forecast at every step for the next --horizon steps; day-ahead: after each day's last reading, for the whole next day.", DefaultValueFactory = _ => "rolling" };
        protocol.AcceptOnlyFromAmong([.. BacktestProtocolNames.All]);
        var horizon = new Option<int>("--horizon") { Description = "Steps ahead for the rolling protocol.", DefaultValueFactory = _ => 1 };
        var maskZeros = new Option<bool>("--mask-zeros") { Description = "Treat actual zeros as missing (road-speed data where 0 marks a gap)." };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for the gbm model's calendar features, e.g. au-vic (default: none)." };
        var events = new Option<string?>("--events") { Description = "Events for the gbm model: an events CSV file or a shipped name, e.g. melbourne-2009-2014 (default: none)." };
        var testTo = new Option<string?>("--test-to") { Description = "Last day of the test period (inclusive); later data are ignored, e.g. to validate on a year before the real test. Default: the end of the data." };
        var pairs = new Option<FileInfo?>("--pairs") { Description = "Also write every scored pair (timestamp, sensor_id, horizon, actual, forecast) to this CSV, for error analysis." };
        var noIntervals = new Option<bool>("--no-intervals") { Description = "Skip the 80 % / 95 % prediction intervals (they hold out a calibration window and fit the model twice)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file." };
        var svg = new Option<FileInfo?>("--svg") { Description = "Also draw actual against forecast for one sensor and week as SVG to this file." };
        var svgSensor = new Option<string?>("--svg-sensor") { Description = "The sensor to draw (default: the one with the most test data)." };
        var svgWeek = new Option<string?>("--svg-week") { Description = "The first day of the week to draw (default: --test-from)." };
        var refitEvery = new Option<string?>("--refit-every") { Description = RefitHelp };
        var fitCache = new Option<DirectoryInfo?>("--fit-cache") { Description = FitCacheHelp };

        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("backtest", "Score a forecast model on past data: per-horizon MAE, RMSE, WAPE, MAPE and n, missing actuals masked.")
        {
            data, demo, model, testFrom, testTo, protocol, horizon, maskZeros, holidays, events, noIntervals, refitEvery, fitCache, json, pairs, svg, svgSensor, svgWeek,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var request = new BacktestRequest(
                result.GetValue(data),
                result.GetValue(demo),
                result.GetValue(model),
                result.GetValue(testFrom),
                result.GetValue(protocol) ?? "rolling",
                result.GetValue(horizon),
                result.GetValue(maskZeros),
                result.GetValue(json),
                result.GetValue(svg),
                result.GetValue(svgSensor),
                result.GetValue(svgWeek))
            {
                Holidays = result.GetValue(holidays),
                Events = result.GetValue(events),
                Intervals = !result.GetValue(noIntervals),
                TestTo = result.GetValue(testTo),
                Pairs = result.GetValue(pairs),
                RefitEvery = CliParsing.ParseRefitInterval(result.GetValue(refitEvery), "--refit-every"),
                FitCache = result.GetValue(fitCache),
            };
            return await RunAsync(context, request, readerOptions.Read(result), cancellation);
        }));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, BacktestRequest request, Ingestion.ReaderOptions readerOptions, CancellationToken cancellation)
    {
        var dataset = DatasetLoader.Load(context, request.Data, request.Demo, readerOptions);
        if (request.TestTo is { } testTo)
        {
            dataset = PanelWindow.Until(dataset, CliParsing.ParseLabel(testTo, "--test-to"));
        }

        var modelName = ModelContext.ResolveName(context, dataset, request.Model);
        var fits = request.FitCache is { } folder ? new FitCache(folder, dataset, request.Holidays, request.Events) : null;
        var named = ModelContext.Catalog(dataset, request.Holidays, request.Events, request.Intervals).Get(modelName);
        var chosen = fits?.Wrap(named) ?? named;
        var recorder = request.Pairs is null ? null : new PairRecorder(chosen);
        var model = new CachedFitModel(recorder ?? chosen);
        var options = request.ToOptions(dataset);
        var result = await RunWithProgressAsync(context, dataset, model, options, cancellation);
        if (recorder is not null && request.Pairs is { } pairsFile)
        {
            await recorder.WriteAsync(pairsFile, dataset.Panel.FirstSlotAtOrAfter(options.TestFrom), options.MaskZeroActuals, cancellation);
            context.Console.MarkupLineInterpolated($"Pairs: [blue]{pairsFile.FullName}[/]");
        }

        context.Console.Write(BacktestTable.Build(result));
        if (fits is not null)
        {
            context.Console.MarkupLineInterpolated($"Fit cache: {fits.Fitted} fitted, {fits.Loaded} loaded.");
        }

        if (request.Json is { } jsonFile)
        {
            await File.WriteAllTextAsync(jsonFile.FullName, BacktestJson.Serialize(result), cancellation);
            context.Console.MarkupLineInterpolated($"JSON report: [blue]{jsonFile.FullName}[/]");
        }

        if (request.Svg is { } svgFile)
        {
            var week = request.SvgWeek is { } w ? CliParsing.ParseLabel(w, "--svg-week") : (TimeLabel?)null;
            var panel = dataset.Panel;
            var testSlot = panel.FirstSlotAtOrAfter(options.TestFrom);
            var forecaster = options.RefitEvery is null
                ? model.Fit(panel, testSlot, cancellation)
                : new SegmentForecaster(model, panel, RefitSchedule.For(panel, testSlot, panel.Length, options.RefitEvery), cancellation);
            var chart = BacktestChart.Render(dataset.Name, dataset.Panel, dataset.Sensors, forecaster, result, options, request.SvgSensor, week);
            await File.WriteAllTextAsync(svgFile.FullName, chart, cancellation);
            context.Console.MarkupLineInterpolated($"Chart: [blue]{svgFile.FullName}[/]");
        }

        return 0;
    }

    private static async Task<BacktestResult> RunWithProgressAsync(CliContext context, Dataset dataset, IForecastModel model, BacktestOptions options, CancellationToken cancellation)
    {
        var backtester = new Backtester(context.Time);
        BacktestResult? result = null;
        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Backtesting {model.Name} on {dataset.Name}", maxValue: 1.0);
                var report = new Progress<double>(fraction => task.Value = fraction);
                result = await Task.Run(() => backtester.Run(dataset.Name, dataset.Panel, model, options, report, cancellation), cancellation);
                task.Value = 1.0;
            });
        return result!;
    }
}

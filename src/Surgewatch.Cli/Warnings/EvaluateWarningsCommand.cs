using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Warnings;

/// <summary><c>surgewatch evaluate-warnings</c>: how early and how precisely the forecast rule warns of surges, against a baseline.</summary>
internal static class EvaluateWarningsCommand
{
    private const string DefaultModel = "gbm";
    private const string BaselineModel = "historical-median-4w";

    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "A data folder of hourly counts (counts.csv[.gz], optional sensors.csv) or one file.", Required = true };
        var testFrom = new Option<string>("--test-from") { Description = "First day of the test period; thresholds and models use only data before it.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Write the report as JSON to this file." };
        var model = new Option<string>("--model") { Description = $"Forecast model of the product rule: {string.Join(", ", ModelContext.Names)}.", DefaultValueFactory = _ => DefaultModel };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for gbm's calendar features, e.g. au-vic." };
        var events = new Option<string?>("--events") { Description = "Events for gbm: an events CSV file or a shipped name, e.g. melbourne-2009-2014." };
        var horizon = new Option<int>("--horizon") { Description = "Slots ahead the live rule forecasts from every slot (at least 2 for a lead of an hour on hourly data).", DefaultValueFactory = _ => 3 };
        var calibration = new Option<int>("--calibration-weeks") { Description = "Weeks before --test-from on which the 90% upper bound is calibrated out of sample.", DefaultValueFactory = _ => 8 };
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("evaluate-warnings", "Measure surge-warning quality (recall at 1 h lead and day-ahead, precision, false episodes) of the forecast rule against a historical-median-4w baseline.")
        {
            data, testFrom, json, model, holidays, events, horizon, calibration,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var dataset = DatasetLoader.Load(context, result.GetValue(data), demo: false, readerOptions.Read(result));
            var catalog = ModelContext.Catalog(dataset, result.GetValue(holidays), result.GetValue(events));
            var options = new WarningEvaluationOptions(RollingHorizon: result.GetValue(horizon), CalibrationWeeks: result.GetValue(calibration));
            var testText = result.GetValue(testFrom)!;
            var testStart = TestStart(dataset.Panel, testText);
            var product = Evaluate(context, dataset, catalog.Get(result.GetValue(model) ?? DefaultModel), testStart, options, cancellation);
            var baseline = Evaluate(context, dataset, catalog.Get(BaselineModel), testStart, options, cancellation);
            context.Console.Write(WarningsTable.Build(product, baseline));
            if (result.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, WarningsJson.Serialize(dataset.Name, testText, product, baseline), cancellation);
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

    private static WarningEvaluation Evaluate(CliContext context, Dataset dataset, IForecastModel model, int testStart, WarningEvaluationOptions options, CancellationToken cancellation)
    {
        try
        {
            WarningEvaluation? evaluation = null;
            context.Console.Status().Start($"Evaluating warnings of {model.Name} on {dataset.Name}", _ =>
                evaluation = new WarningEvaluator(context.Time).Run(dataset.Panel, model, testStart, options, null, cancellation));
            return evaluation!;
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"evaluate-warnings: {e.Message}");
        }
    }
}

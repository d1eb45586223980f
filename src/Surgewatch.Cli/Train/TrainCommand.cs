using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Models.Deployment;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Forecasting.Retraining;
using Surgewatch.Core.Series;

namespace Surgewatch.Cli.Train;

/// <summary><c>surgewatch train</c>: fits a model on all the data and saves it in the store; with <c>--every</c>, again on schedule.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { Description = "A data folder or file to train on (default: every reading in the store)." };
        var db = StoreOption.Create();
        var model = new Option<string?>("--model") { Description = $"The model: {string.Join(", ", ModelContext.Names)}. Default: the best model (gbm, or without libxgboost0 the best baseline)." };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for gbm's calendar features, e.g. au-vic." };
        var events = new Option<string?>("--events") { Description = "Events for gbm: an events CSV file or a shipped name, e.g. melbourne-2009-2014." };
        var every = new Option<string?>("--every") { Description = "Train again on schedule until stopped (Ctrl+C): an interval such as 24h, 90m, 7d, or daily@HH (UTC)." };
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("train", "Fit a model (with 80 % / 95 % interval calibration) on all the data and save it in the store; prints the model id.")
        {
            data, db, model, holidays, events, every,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var request = new TrainRequest(result.GetValue(data), result.GetValue(db)!, result.GetValue(model), result.GetValue(holidays), result.GetValue(events));
            var policy = ParsePolicy(result.GetValue(every));
            var reader = readerOptions.Read(result);
            using var store = StoreOption.Open(request.Db);
            if (policy is null)
            {
                await TrainOnceAsync(context, store, request, reader, cancellation);
                return 0;
            }

            await RetrainLoop.RunAsync(context, policy, ct => TrainOnceAsync(context, store, request, reader, ct), cancellation);
            return 0;
        }));
        return command;
    }

    /// <summary>Loads the data, fits the model and calibrates its surge rule, saves both; returns the new model's id.</summary>
    public static async Task<long> TrainOnceAsync(CliContext context, OpenedStore store, TrainRequest request, Ingestion.ReaderOptions reader, CancellationToken cancellation)
    {
        var dataset = request.Data is { } path
            ? DatasetLoader.Load(context, path, demo: false, reader)
            : await StoreDataset.LoadAsync(store, cancellation);
        var name = ModelContext.ResolveName(context, dataset, request.Model);
        var panel = dataset.Panel;
        // Road speeds get the congestion rule, as evaluate-warnings --kind road-speed measures it; anything else the surge rule.
        var subjects = dataset.Sensors.Count > 0 && dataset.Sensors.All(s => s.Kind == SensorKind.RoadSpeed) ? ModelSubjects.Roads : ModelSubjects.Counters;
        var trained = await Task.Run(
            () => ModelTrainer.Train(panel, dataset.Edges, new TrainingRequest(name, request.Holidays, request.Events, Subjects: subjects), context.Time, cancellation), cancellation);
        var id = await store.Models.SaveModelAsync(trained.Saved, cancellation);
        context.Console.MarkupLineInterpolated(
            $"Trained [bold]{name}[/] on {panel.Sensors.Count} sensors, {panel.Start} to {panel.LabelAt(panel.Length - 1)}, in {trained.FitTime.TotalSeconds:0.0} s; saved as model id [bold]{id}[/] ({trained.Saved.State.Length:N0} bytes).");
        if (trained.Congestion is { } congestion)
        {
            context.Console.MarkupLineInterpolated(
                $"Congestion rule: {congestion.Thresholds.Count(t => !double.IsNaN(t))} of {congestion.Sensors.Count} roads have a congested speed; held out {trained.Validation}.");
        }
        else if (trained.Rule is { } rule)
        {
            context.Console.MarkupLineInterpolated($"Surge rule: {rule.WarnedCounters} of {rule.Sensors.Count} counters have a threshold; held out {trained.Validation}.");
        }
        else if (subjects == ModelSubjects.Roads)
        {
            context.Console.MarkupLineInterpolated(
                $"Congestion rule: not calibrated (the data are shorter than its calibration day); the server warns about no road with this model.");
        }
        else
        {
            context.Console.MarkupLineInterpolated(
                $"Surge rule: not calibrated (the data are shorter than the {new Core.Evaluation.Warnings.WarningEvaluationOptions().CalibrationWeeks} calibration weeks); the server warns about no counter with this model.");
        }
        context.Console.WriteLine($"model-id: {id}");
        return id;
    }

    private static RetrainPolicy? ParsePolicy(string? every)
    {
        if (every is null)
        {
            return null;
        }

        try
        {
            return RetrainPolicy.Parse(every);
        }
        catch (FormatException e)
        {
            throw new UserInputException($"--every: {e.Message}");
        }
    }
}

/// <summary>The options of one <c>surgewatch train</c> run.</summary>
internal sealed record TrainRequest(string? Data, string Db, string? Model, string? Holidays, string? Events);

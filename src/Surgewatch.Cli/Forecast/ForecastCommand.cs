using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Models.Deployment;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;

namespace Surgewatch.Cli.Forecast;

/// <summary><c>surgewatch forecast</c>: forecasts fresh data with a saved model, without fitting, and stores the forecasts.</summary>
internal static class ForecastCommand
{
    public static Command Create(CliContext context)
    {
        var db = StoreOption.Existing();
        var data = new Option<string?>("--data") { Description = "A data folder or file with the fresh readings (default: the readings in the store)." };
        var modelId = new Option<long?>("--model-id") { Description = "The saved model to use (default: the latest one saved)." };
        var from = new Option<string?>("--from") { Description = "The label of the last known reading to forecast from (default: the last slot of the data)." };
        var horizon = new Option<int?>("--horizon") { Description = "Steps ahead (default: one day of steps)." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the forecasts, with their intervals, as JSON to this file." };
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("forecast", "Forecast with a saved model (see train) on fresh data, without refitting; saves the forecasts and 80 % / 95 % intervals in the store.")
        {
            db, data, modelId, from, horizon, json,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            using var store = StoreOption.OpenExisting(result.GetValue(db)!);
            var saved = await FindModelAsync(store, result.GetValue(modelId), cancellation);
            var dataset = result.GetValue(data) is { } path
                ? DatasetLoader.Load(context, path, demo: false, readerOptions.Read(result))
                : await StoreDataset.LoadAsync(store, cancellation);
            var forecasts = Issue(context, saved, dataset, result.GetValue(from), result.GetValue(horizon));
            if (result.GetValue(data) is not null)
            {
                await store.Observations.UpsertSensorsAsync(dataset.Sensors, cancellation);
            }

            await store.Forecasts.SaveForecastsAsync(forecasts, cancellation);
            context.Console.MarkupLineInterpolated($"Saved {forecasts.Count} forecasts by model {saved.Id} ({saved.Name}) in {store.DataSource}.");
            if (result.GetValue(json) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, ForecastJson.Serialize(saved, forecasts), cancellation);
                context.Console.MarkupLineInterpolated($"JSON: [blue]{file.FullName}[/]");
            }

            return 0;
        }));
        return command;
    }

    private static async Task<SavedModel> FindModelAsync(OpenedStore store, long? id, CancellationToken cancellation)
    {
        var saved = id is { } i ? await store.Models.GetModelAsync(i, cancellation) : await store.Models.LatestModelAsync(null, null, cancellation);
        return saved ?? throw new UserInputException(id is null
            ? $"The store {store.DataSource} holds no saved model: run surgewatch train first."
            : $"--model-id {id}: the store {store.DataSource} holds no such model.");
    }

    private static IReadOnlyList<Core.Forecasting.Forecast> Issue(CliContext context, SavedModel saved, Dataset dataset, string? from, int? horizon)
    {
        var panel = dataset.Panel;
        var forecaster = DeployedModel.Load(saved, panel, dataset.Edges).Forecaster;
        var origin = OriginSlot(panel, from);
        var steps = horizon ?? SlotCalendar.StepsPerDay(panel.Step);
        if (steps < 1)
        {
            throw new UserInputException($"--horizon {steps}: it must be at least 1.");
        }

        var started = context.Time.GetTimestamp();
        var forecasts = ForecastIssuer.Issue(forecaster, new ForecastOrigin(panel, origin), steps, saved.Name);
        context.Console.MarkupLineInterpolated(
            $"Forecast {forecasts.Count} sensors × {steps} steps from {panel.LabelAt(origin)} with model {saved.Id} ({saved.Name}, trained to {saved.TrainTo}) in {context.Time.GetElapsedTime(started).TotalSeconds:0.00} s, without refitting.");
        return forecasts;
    }

    private static int OriginSlot(Core.Series.SeriesPanel panel, string? from)
    {
        if (from is null)
        {
            return panel.Length - 1;
        }

        var label = CliParsing.ParseLabel(from, "--from");
        var slot = panel.SlotOf(label);
        return slot >= 0 && slot < panel.Length
            ? (int)slot
            : throw new UserInputException($"--from {label}: it must fall inside the data, which runs from {panel.Start} to {panel.LabelAt(panel.Length - 1)}.");
    }
}

using System.CommandLine;
using Spectre.Console;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Forecasting.XGBoost;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Briefing;

/// <summary><c>surgewatch brief</c>: the day-ahead briefing per zone (or per sensor): total, peak hour, peak level, hours at risk.</summary>
internal static class BriefCommand
{
    private const string FallbackModel = "historical-median-4w";

    public static Command Create(CliContext context)
    {
        var date = new Option<string>("--date") { Description = "The day to brief (YYYY-MM-DD): tomorrow, or a past day (only data before it is used).", Required = true };
        var data = new Option<string?>("--data") { Description = "A data folder or file (as for backtest)." };
        var db = new Option<FileInfo?>("--db") { Description = "Read readings (and zones, unless --zones is given) from this SQLite store instead of --data." };
        var zones = new Option<string?>("--zones") { Description = "A zones GeoJSON file; without zones the briefing is per sensor." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the briefing as JSON to this file." };
        var model = new Option<string>("--model") { Description = $"Forecast model: {string.Join(", ", ModelContext.Names)}; gbm falls back to {FallbackModel} when XGBoost is not installed.", DefaultValueFactory = _ => "gbm" };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for gbm, e.g. au-vic." };
        var events = new Option<string?>("--events") { Description = "Events for gbm: a CSV file or a shipped name." };
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("brief", "Day-ahead briefing: per zone (or sensor) the forecast total, peak hour, peak level and the hours whose 90% upper forecast reaches the warning level.")
        {
            date, data, db, zones, json, model, holidays, events,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var day = ParseDate(result.GetValue(date)!);
            var (dataset, stored) = await LoadAsync(context, result.GetValue(data), result.GetValue(db), readerOptions.Read(result), cancellation);
            var zoneList = result.GetValue(zones) is { } file ? ZonesGeoJson.ReadFile(file) : stored;
            var catalog = ModelContext.Catalog(dataset, result.GetValue(holidays), result.GetValue(events));
            var names = dataset.Panel.Sensors.Select(id => dataset.Sensors.FirstOrDefault(s => s.Id == id)?.Name ?? id.Value).ToList();
            var briefing = Brief(context, dataset.Panel, catalog, result.GetValue(model) ?? "gbm", day, zoneList, names, cancellation);
            context.Console.Write(BriefingTable.Build(briefing));
            if (result.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, BriefingJson.Serialize(briefing), cancellation);
                context.Console.MarkupLineInterpolated($"JSON briefing: [blue]{jsonFile.FullName}[/]");
            }

            return 0;
        }));
        return command;
    }

    private static DayBriefing Brief(
        CliContext context, SeriesPanel panel, ForecastModelCatalog catalog, string model, DateOnly day, IReadOnlyList<Zone> zones, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        try
        {
            return Run(context, new DayBriefer(catalog.Get(model)), panel, day, zones, names, cancellation);
        }
        catch (XGBoostNotInstalledException) when (model.Equals("gbm", StringComparison.OrdinalIgnoreCase))
        {
            context.Console.MarkupLineInterpolated($"[yellow]XGBoost is not installed; briefing with {FallbackModel} instead.[/]");
            return Run(context, new DayBriefer(catalog.Get(FallbackModel)), panel, day, zones, names, cancellation);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UserInputException($"--date {day:yyyy-MM-dd}: {e.Message}");
        }
    }

    private static DayBriefing Run(CliContext context, DayBriefer briefer, SeriesPanel panel, DateOnly day, IReadOnlyList<Zone> zones, IReadOnlyList<string> names, CancellationToken cancellation)
    {
        DayBriefing? briefing = null;
        context.Console.Status().Start($"Forecasting {day:yyyy-MM-dd}", _ => briefing = briefer.Brief(panel, day, zones, names, cancellation));
        return briefing!;
    }

    private static async Task<(Dataset Dataset, IReadOnlyList<Zone> Zones)> LoadAsync(
        CliContext context, string? data, FileInfo? db, Ingestion.ReaderOptions options, CancellationToken cancellation)
    {
        if ((data is null) == (db is null))
        {
            throw new UserInputException("Give either --data PATH or --db FILE.");
        }

        if (data is not null)
        {
            return (DatasetLoader.Load(context, data, demo: false, options), []);
        }

        if (!db!.Exists)
        {
            throw new UserInputException($"--db {db.FullName}: no such store; ingest data first.");
        }

        using var store = SqliteStore.Open(db.FullName);
        var sensors = await store.ListSensorsAsync(cancellation);
        var batch = await store.ReadObservationsAsync(new ObservationQuery(), cancellation);
        if (sensors.Count == 0 || batch.Count == 0)
        {
            throw new UserInputException($"--db {db.FullName}: the store holds no readings; ingest data first.");
        }

        var step = sensors.Min(s => s.Step);
        var zones = await store.ListZonesAsync(cancellation);
        return (new Dataset(Path.GetFileNameWithoutExtension(db.Name), SeriesPanel.FromBatch(batch, step), sensors), zones);
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new UserInputException($"--date '{text}': give a day as YYYY-MM-DD, such as {TimeLabel.FromDate(new DateOnly(2014, 6, 1)).Date:yyyy-MM-dd}.");
}

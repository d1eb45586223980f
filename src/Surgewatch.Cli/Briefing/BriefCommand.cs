using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Surgewatch.Cli.Backtest;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.GeoJson;
using Surgewatch.Models.Briefing;

namespace Surgewatch.Cli.Briefing;

/// <summary>
/// <c>surgewatch brief</c>: the day-ahead briefing per zone (or per counter) of <see cref="Briefer"/>, and with
/// <c>--db</c> the roads' expected jams of <see cref="RoadBriefer"/>, the code behind <c>GET /api/v1/briefing</c>: with
/// <c>--db</c> the same JSON the server gives for that store, date and model.
/// </summary>
internal static class BriefCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var date = new Option<string>("--date") { Description = "The day to brief (YYYY-MM-DD): tomorrow, or a past day (only data before it is used).", Required = true };
        var data = new Option<string?>("--data") { Description = "A data folder or file (as for backtest); it has no deployed model, so a model is fitted." };
        var db = new Option<string?>("--db") { Description = "Brief from this store (an SQLite file or postgresql://USER[:PASSWORD]@HOST:PORT/DB): its readings, its zones (unless --zones is given) and its deployed (latest saved) model." };
        var zones = new Option<string?>("--zones") { Description = "A zones GeoJSON file; without zones the briefing is per counter." };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the briefing as JSON (the shape of GET /api/v1/briefing) to this file." };
        var model = new Option<string?>("--model")
        {
            Description = $"Fit this model instead of using the deployed one: {string.Join(", ", ModelContext.Names)}. Without it, and without a deployed model, {BriefingPlan.FallbackModel} is fitted (and said).",
        };
        var holidays = new Option<string?>("--holidays") { Description = "Public-holiday region for a fitted gbm, e.g. au-vic." };
        var events = new Option<string?>("--events") { Description = "Events for a fitted gbm: a CSV file or a shipped name." };
        var readerOptions = new ReaderOptionsBinding();
        var command = new Command("brief", "Day-ahead briefing: per zone (or counter) the forecast total, peak hour, peak level and the hours whose 90% upper forecast reaches the warning level; with --db and a roads model, the day's expected jams by road.")
        {
            date, data, db, zones, json, model, holidays, events,
        };
        readerOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandRunner.RunAsync(context, async () =>
        {
            var day = ParseDate(result.GetValue(date)!);
            var zoneList = result.GetValue(zones) is { } file ? ZonesGeoJson.ReadFile(file) : null;
            var request = new BriefingRequest(day, TimeLabel.FromInstant(context.Time.GetUtcNow(), TimeZoneInfo.Local), result.GetValue(model), result.GetValue(holidays), result.GetValue(events));
            var (dataPath, dbFile) = (result.GetValue(data), result.GetValue(db));
            if ((dataPath is null) == (dbFile is null))
            {
                throw new UserInputException("Give either --data PATH or --db FILE.");
            }

            // The store is opened before anything is shown, so a store that cannot be reached is one line.
            using var store = dbFile is null ? null : StoreOption.OpenExisting(dbFile);
            var brief = store is not null
                ? () => FromStoreAsync(store, zoneList, request, cancellation)
                : FromData(context, dataPath!, readerOptions.Read(result), zoneList ?? [], request, cancellation);
            var briefing = await Run(context, day, brief);
            var roads = store is null ? null : await RoadBriefer.BriefAsync(store.Observations, store.Models, store.RoadGraph, day, request.Now, cancellation);
            var report = BriefingReport.Of(briefing, request.Now, roads);
            if (report.Fallback is { } fallback && context.Console.Profile.Capabilities.Interactive)
            {
                context.Console.MarkupLineInterpolated($"[yellow]Fallback:[/] {fallback}.");
            }

            context.Console.Write(BriefingTable.Build(report, context.Console));
            if (result.GetValue(json) is { } jsonFile)
            {
                await File.WriteAllTextAsync(jsonFile.FullName, JsonSerializer.Serialize(report, Json), cancellation);
                context.Console.MarkupLineInterpolated($"JSON briefing: [blue]{jsonFile.FullName}[/]");
            }

            return 0;
        }));
        return command;
    }

    private static async Task<DayBriefing> Run(CliContext context, DateOnly day, Func<Task<DayBriefing>> brief)
    {
        DayBriefing? briefing = null;
        await context.Console.Status().StartAsync($"Forecasting {day:yyyy-MM-dd}", async _ => briefing = await brief());
        return briefing!;
    }

    private static async Task<DayBriefing> FromStoreAsync(OpenedStore store, IReadOnlyList<Zone>? zones, BriefingRequest request, CancellationToken cancellation)
    {
        return await Briefer.BriefAsync(store.Observations, store.Models, zones ?? await store.Zones.ListZonesAsync(cancellation), request, cancellation);
    }

    /// <summary>Loads the folder (with its own progress display) and gives the briefing to run on it.</summary>
    private static Func<Task<DayBriefing>> FromData(CliContext context, string data, Ingestion.ReaderOptions options, IReadOnlyList<Zone> zones, BriefingRequest request, CancellationToken cancellation)
    {
        var dataset = DatasetLoader.Load(context, data, demo: false, options);
        var sources = Briefer.Sources(zones, dataset.Sensors);
        var (start, end) = BriefingPanel.Window(request.Date, request.Now);
        var panel = BriefingPanel.Hourly(dataset.Panel, sources, start, end);
        var candidate = request.Model is null
            ? BriefingCandidate.NoModel("no deployed model (--data reads no store)")
            : Briefer.Candidate(request.Model, null);
        var names = Briefer.Names(panel, dataset.Sensors, zones);
        return () => Task.Run(() => Briefer.Brief(panel, zones, names, request with { Edges = dataset.Edges }, candidate, null, cancellation), cancellation);
    }

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : throw new UserInputException($"--date '{text}': give a day as YYYY-MM-DD, such as {TimeLabel.FromDate(new DateOnly(2014, 6, 1)).Date:yyyy-MM-dd}.");
}

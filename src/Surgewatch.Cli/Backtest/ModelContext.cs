using Spectre.Console;
using Surgewatch.Cli.Common;
using Surgewatch.Cli.Datasets;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Forecasting.XGBoost.Gbm;
using Surgewatch.Forecasting.XGBoost.Native;
using Surgewatch.Ingestion.Calendars;

namespace Surgewatch.Cli.Backtest;

/// <summary>
/// Composes the models the CLI offers: Core's baselines plus <c>gbm</c>, which gets the holidays (<c>--holidays</c>),
/// events (<c>--events</c>) and the dataset's sensor graph (edges.csv) as features.
/// </summary>
internal static class ModelContext
{
    /// <summary>Every model name, for <c>--help</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ForecastModelCatalog.Default.Names, "gbm"];

    /// <summary>Every model, each wrapped in <see cref="ConformalModel"/> so that it gives 80 % and 95 % intervals (unless <paramref name="intervals"/> is false).</summary>
    public static ForecastModelCatalog Catalog(Dataset dataset, string? holidays, string? events, bool intervals = true)
    {
        IForecastModel[] models = [.. Baselines(), new GbmModel(Features(dataset, holidays, events))];
        return new(intervals ? models.Select(m => (IForecastModel)new ConformalModel(m)) : models);
    }

    /// <summary>The model named on the command line, or when none is, the default (<see cref="DefaultModelChoice"/>), said on the console.</summary>
    public static string ResolveName(CliContext context, Dataset dataset, string? requested)
    {
        if (requested is not null)
        {
            return requested;
        }

        var choice = DefaultModelChoice.For(dataset.Panel.Step, XGBoostLibrary.IsAvailable);
        context.Console.MarkupLineInterpolated($"Model: [bold]{choice.Model}[/] ({choice.Reason}; name another with --model).");
        return choice.Model;
    }

    public static FeatureContext Features(Dataset dataset, string? holidays, string? events) =>
        new(LoadRegion(holidays), LoadEvents(events), dataset.Edges);

    private static IEnumerable<IForecastModel> Baselines()
    {
        foreach (var name in ForecastModelCatalog.Default.Names)
        {
            yield return ForecastModelCatalog.Default.Get(name);
        }
    }

    private static HolidayRegion? LoadRegion(string? region)
    {
        if (region is null)
        {
            return null;
        }

        try
        {
            return CalendarLibrary.Shipped.LoadRegion(region);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or CalendarFormatException)
        {
            throw new UserInputException($"--holidays {region}: {e.Message}");
        }
    }

    private static EventCalendar? LoadEvents(string? events)
    {
        if (events is null)
        {
            return null;
        }

        try
        {
            var list = File.Exists(events)
                ? EventCsvParser.Parse(File.ReadAllText(events), events)
                : CalendarLibrary.Shipped.LoadEvents(events);
            return new EventCalendar(list);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or CalendarFormatException)
        {
            throw new UserInputException($"--events {events}: {e.Message} Give an events CSV file or a shipped events name.");
        }
    }
}

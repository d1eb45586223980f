using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;
using Surgewatch.Forecasting.XGBoost.Native;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Models.Catalog;

/// <summary>Core's baselines plus <c>gbm</c>, with the features a deployment gives it (holidays, events, the sensor graph).</summary>
public static class ModelCatalogs
{
    /// <summary>Every model name.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ForecastModelCatalog.Default.Names, DefaultModelChoice.LearnedModel];

    /// <summary>Every model; each wrapped in <see cref="ConformalModel"/> (80 % and 95 % intervals) unless <paramref name="intervals"/> is false.</summary>
    public static ForecastModelCatalog Create(FeatureContext features, bool intervals = true)
    {
        ArgumentNullException.ThrowIfNull(features);
        IForecastModel[] models = [.. Baselines(), new GbmModel(features)];
        return new(intervals ? models.Select(m => (IForecastModel)new ConformalModel(m)) : models);
    }

    /// <summary>The model used when none is named, for data on a grid of <paramref name="step"/>.</summary>
    public static DefaultModelChoice DefaultFor(TimeSpan step) => DefaultModelChoice.For(step, XGBoostLibrary.IsAvailable);

    /// <summary>The features: a shipped holiday region (e.g. <c>au-vic</c>), an events CSV or shipped events name, and the graph.</summary>
    /// <exception cref="ModelSetupException">The region or the events cannot be loaded.</exception>
    public static FeatureContext Features(string? holidays, string? events, IReadOnlyList<SensorEdge>? edges) =>
        new(LoadRegion(holidays), LoadEvents(events), edges);

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
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InputRejectedException)
        {
            throw new ModelSetupException($"--holidays {region}: {e.Message}", e);
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
            if (!File.Exists(events))
            {
                return new EventCalendar(CalendarLibrary.Shipped.LoadEvents(events));
            }

            using var file = File.OpenRead(events);
            return new EventCalendar(EventsCsvReader.Read(file, Path.GetFileName(events)));
        }
        catch (InputRejectedException e)
        {
            throw new ModelSetupException($"--events {events}: {e.Message}", e);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            throw new ModelSetupException($"--events {events}: {e.Message} Give an events CSV file or a shipped events name.", e);
        }
    }
}

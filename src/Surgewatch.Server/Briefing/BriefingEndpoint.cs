using Surgewatch.Core.Briefing;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Models.Briefing;
using Surgewatch.Models.Catalog;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Briefing;

/// <summary>
/// <c>GET /api/v1/briefing?date=YYYY-MM-DD&amp;model=NAME</c>: the day-ahead briefing (default: tomorrow on the server
/// clock) of <see cref="Briefer"/>, exactly as <c>surgewatch brief --db</c> gives it for the same store, date and model.
/// </summary>
internal static class BriefingEndpoint
{
    private const string Description =
        "Per zone (per counter without zones) the forecast total, peak hour, peak persons and density, its level, and the hours whose 90% " +
        "upper forecast reaches the warning level. By default the deployed model (the latest saved) forecasts, without refitting; `model` " +
        "names one to fit instead. The path is decided from the history up to the day and stated: `method` is deployed, fitted, weekly-profile " +
        "or none, and `fallback` says why it is not the one asked for (no deployed model: historical-median-4w fitted; under " +
        "14 days: the weekly profile without an upper bound; under 7 days: no forecast, every figure null). Missing figures are null, never 0. " +
        "`roads`: the jams the deployed roads model forecasts for the day by road (as GET /roads/jams, times HH:mm of the day); null without a roads model.";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/briefing", GetAsync).WithName("GetBriefing")
            .WithSummary("The day-ahead briefing of one date, with the model that made it and any fallback.")
            .WithDescription(Description)
            .Produces<BriefingReport>().ProducesProblem(StatusCodes.Status400BadRequest)
            .OpenRead();

    /// <param name="date">The day, YYYY-MM-DD; tomorrow on the server clock when left out.</param>
    /// <param name="model">A model to fit (e.g. historical-median-4w, gbm); the deployed model when left out.</param>
    private static async Task<IResult> GetAsync(
        string? date, string? model, IZoneStore zones, IObservationStore observations, IModelStore models, Core.Roads.IRoadGraphStore graph, ClockDtos clocks,
        CancellationToken cancellationToken)
    {
        var now = clocks.NowLabel();
        var day = now.Date.AddDays(1);
        if (date is not null && !QueryLabels.TryParseDate(date, out day, out var error))
        {
            return QueryProblems.BadParameter("date", error);
        }

        if (model is not null && !ModelCatalogs.Names.Contains(model, StringComparer.OrdinalIgnoreCase))
        {
            return QueryProblems.BadParameter("model", $"Unknown model '{model}'; choose one of: {string.Join(", ", ModelCatalogs.Names)}.");
        }

        var all = await zones.ListZonesAsync(cancellationToken);
        var briefing = await Briefer.BriefAsync(observations, models, all, new BriefingRequest(day, now, model), cancellationToken);
        var roads = await RoadBriefer.BriefAsync(observations, models, graph, day, now, cancellationToken);
        return Results.Ok(BriefingReport.Of(briefing, now, roads));
    }
}

using System.Globalization;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Briefing;

/// <summary>
/// <c>GET /api/v1/briefing?date=YYYY-MM-DD</c>: the day-ahead briefing (default: tomorrow on the server clock), from
/// Core's <see cref="Core.Briefing.DayBriefer"/>, or from the zones' weekly profiles while the history is too short for it.
/// </summary>
internal static class BriefingEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/briefing", GetAsync).WithName("GetBriefing")
            .WithSummary("The day-ahead briefing: per zone the expected total, peak hour, peak persons and density, its level, and the hours at risk.")
            .Produces<BriefingDto>().ProducesProblem(StatusCodes.Status400BadRequest)
            .OpenRead();

    private static async Task<IResult> GetAsync(string? date, IZoneStore zones, IObservationStore store, ClockDtos clocks, CancellationToken cancellationToken)
    {
        DateOnly day;
        if (date is null)
        {
            day = clocks.NowLabel().Date.AddDays(1);
        }
        else if (!QueryLabels.TryParseDate(date, out day, out var error))
        {
            return QueryProblems.BadParameter("date", error);
        }

        var all = await zones.ListZonesAsync(cancellationToken);
        try
        {
            return Results.Ok(await CoreBriefing.BriefAsync(store, all, day, clocks.NowLabel(), cancellationToken));
        }
        catch (ArgumentException)
        {
            // Too little history for the model and its calibration: the weekly profile needs only a week.
        }

        var list = new List<BriefingZoneDto>();
        foreach (var zone in all)
        {
            list.Add(await WeeklyProfileBriefing.ForZoneAsync(store, zone, day, cancellationToken));
        }

        return Results.Ok(new BriefingDto(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), WeeklyProfileBriefing.Method, list));
    }
}

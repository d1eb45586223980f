using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>The zone's levels as the series shows them.</summary>
internal sealed record LevelsDto(double DensityWarning, double DensityAlarm, double DensityCritical, double FlowWarning, double FlowAlarm, double FlowCritical)
{
    public static LevelsDto Of(ZoneLevels l) => new(l.DensityWarning, l.DensityAlarm, l.DensityCritical, l.FlowWarning, l.FlowAlarm, l.FlowCritical);
}

/// <summary>One observed step: mean persons and density (null where no source reported).</summary>
internal sealed record ObservedPointDto(string T, double? Persons, double? Density);

/// <summary>A zone's observed density and its forecast, with the model that made it.</summary>
internal sealed record ZoneSeriesDto(string ZoneId, int Step, LevelsDto Levels, string Model, IReadOnlyList<ObservedPointDto> Observed, IReadOnlyList<ForecastPointBandDto> Forecast);

/// <summary>
/// <c>GET /api/v1/zones/{id}/series?from=&amp;to=</c>: observed persons and density (Core's <see cref="ZoneBuckets"/>), and
/// the density forecast with 80/95% bands (<see cref="ZoneForecasts"/>: the deployed model's, built from its sources' forecasts).
/// </summary>
internal static class ZoneSeriesEndpoint
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private const int MaxSteps = 12 * 24 * 8;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/zones/{id}/series", GetAsync).WithName("GetZoneSeries")
            .WithSummary("Observed persons and density in five-minute steps from 'from' (default 24 h ago) to now, and the density forecast with 80% and 95% bands from now to 'to' (default 2 h ahead): built from the deployed model's forecasts of the zone's sources, on the model's slots; 'model' names it (a seasonal band, named as a fallback, until a model is deployed).")
            .Produces<ZoneSeriesDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();

    private static async Task<IResult> GetAsync(
        string id, string? from, string? to, IZoneStore zones, IObservationStore store, ZoneForecasts forecasts, ClockDtos clocks, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var site = clocks.SiteZone;
        if (!QueryLabels.TryParse(from, site, out var first, out var fromError))
        {
            return QueryProblems.BadParameter("from", fromError);
        }

        if (!QueryLabels.TryParse(to, site, out var last, out var toError))
        {
            return QueryProblems.BadParameter("to", toError);
        }

        if (!ZoneId.IsValid(id, out _) || await zones.FindZoneAsync(new ZoneId(id), cancellationToken) is not { } zone)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such zone", detail: $"No zone '{id}' is stored.");
        }

        var now = clocks.NowLabel();
        var start = first ?? now - TimeSpan.FromDays(1);
        var end = last ?? now + TimeSpan.FromHours(2);
        if (end <= start || (end - start) / Step > MaxSteps)
        {
            return QueryProblems.BadParameter("to", $"'to' must be after 'from', at most {MaxSteps * Step.TotalMinutes / 1440:0} days later");
        }

        var observedEnd = end < now ? end : now;
        var observed = observedEnd > start ? await ZoneBucketReader.ReadAsync(store, zone, start, observedEnd, Step, cancellationToken) : null;
        var forecast = await forecasts.ForecastAsync(zone, now, end, cancellationToken);
        return Results.Ok(new ZoneSeriesDto(zone.Id.Value, (int)Step.TotalSeconds, LevelsDto.Of(zone.Levels), forecast.Model, Observed(observed, zone, clocks), end > now ? forecast.Forecast : []));
    }

    private static List<ObservedPointDto> Observed(ZoneBuckets? buckets, Zone zone, ClockDtos clocks)
    {
        var points = new List<ObservedPointDto>();
        for (var b = 0; buckets is not null && b < buckets.Persons.Length; b++)
        {
            var persons = buckets.Persons[b];
            points.Add(Missing.Is(persons)
                ? new ObservedPointDto(clocks.Format(buckets.LabelOf(b)), null, null)
                : new ObservedPointDto(clocks.Format(buckets.LabelOf(b)), Math.Round(persons, 1), Math.Round(persons / zone.AreaSquareMetres, 4)));
        }

        return points;
    }

}

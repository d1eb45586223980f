using Microsoft.Extensions.Options;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
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

/// <summary>One forecast step of density with 80% and 95% bands.</summary>
internal sealed record ForecastPointBandDto(string T, double Mean, double Lo80, double Hi80, double Lo95, double Hi95);

/// <summary>A zone's observed density and its forecast.</summary>
internal sealed record ZoneSeriesDto(string ZoneId, int Step, LevelsDto Levels, string Model, IReadOnlyList<ObservedPointDto> Observed, IReadOnlyList<ForecastPointBandDto> Forecast);

/// <summary><c>GET /api/v1/zones/{id}/series?from=&amp;to=</c>: observed persons and density, and the forecast with 80/95% bands.</summary>
internal static class ZoneSeriesEndpoint
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private const int MaxSteps = 12 * 24 * 8;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/zones/{id}/series", GetAsync).WithName("GetZoneSeries")
            .WithSummary("Observed persons and density in five-minute steps from 'from' (default 24 h ago) to now, and the density forecast with 80% and 95% bands from now to 'to' (default 2 h ahead).")
            .Produces<ZoneSeriesDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();

    private static async Task<IResult> GetAsync(
        string id, string? from, string? to, IZoneStore zones, IObservationStore store, IZoneForecaster forecaster, ClockDtos clocks, IOptions<ServerOptions> options, CancellationToken cancellationToken)
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
        var observed = observedEnd > start ? await ZoneBuckets.ReadAsync(store, zone, start, observedEnd, Step, cancellationToken) : null;
        var forecast = end > now ? await ForecastAsync(store, zone, forecaster, now, end, cancellationToken) : [];
        return Results.Ok(new ZoneSeriesDto(zone.Id.Value, (int)Step.TotalSeconds, LevelsDto.Of(zone.Levels), forecaster.Name, Observed(observed, zone), forecast));
    }

    private static List<ObservedPointDto> Observed(ZoneBuckets? buckets, Zone zone)
    {
        var points = new List<ObservedPointDto>();
        for (var b = 0; buckets is not null && b < buckets.Persons.Length; b++)
        {
            var persons = buckets.Persons[b];
            points.Add(Missing.Is(persons)
                ? new ObservedPointDto(buckets.LabelOf(b).ToString(), null, null)
                : new ObservedPointDto(buckets.LabelOf(b).ToString(), Math.Round(persons, 1), Math.Round(persons / zone.AreaSquareMetres, 4)));
        }

        return points;
    }

    /// <summary>The density forecast from the step after <paramref name="now"/> to <paramref name="end"/>.</summary>
    public static async Task<List<ForecastPointBandDto>> ForecastAsync(
        IObservationStore store, Zone zone, IZoneForecaster forecaster, TimeLabel now, TimeLabel end, CancellationToken cancellationToken)
    {
        var origin = new TimeLabel(now.Seconds / (long)Step.TotalSeconds * (long)Step.TotalSeconds);
        var history = await ZoneBuckets.ReadAsync(store, zone, origin - TimeSpan.FromDays(8), origin + Step, Step, cancellationToken);
        var density = new double[history.Persons.Length];
        for (var i = 0; i < density.Length; i++)
        {
            density[i] = history.Persons[i] / zone.AreaSquareMetres;
        }

        var horizon = (int)Math.Ceiling((end - origin) / Step);
        var bands = forecaster.Forecast(density, (int)(TimeSpan.FromDays(1) / Step), horizon);
        var points = new List<ForecastPointBandDto>(horizon);
        for (var h = 0; h < horizon; h++)
        {
            var b = bands[h];
            if (!Missing.Is(b.Mean))
            {
                points.Add(new ForecastPointBandDto((origin + (Step * (h + 1))).ToString(), R(b.Mean), R(b.Lo80), R(b.Hi80), R(b.Lo95), R(b.Hi95)));
            }
        }

        return points;
    }

    private static double R(double value) => Math.Round(value, 4);
}

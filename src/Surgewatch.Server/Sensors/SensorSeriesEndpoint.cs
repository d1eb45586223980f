using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.ZoneSeries;

namespace Surgewatch.Server.Sensors;

/// <summary>One stored reading of a sensor on the series' time axis.</summary>
internal sealed record SensorPointDto(string T, double Value);

/// <summary>A road's speeds at the edges of its congestion levels (in the site's speed unit): free flow, and below which it is slowing, congested and jammed.</summary>
internal sealed record RoadLevelsDto(double FreeFlow, double Slowing, double Congested, double Jammed);

/// <summary>
/// A sensor's readings and the deployed model's latest forecast of it with 80/95% bands; <c>Threshold</c> is the
/// counter's surge threshold or the road's congested speed (null without a rule or with too little history),
/// <c>Road</c> a road's free-flow speed and level edges (null for other sensors), <c>Model</c> null while no model
/// of its family is deployed.
/// </summary>
internal sealed record SensorSeriesDto(
    string SensorId, int StepSeconds, double? Threshold, string? Model, IReadOnlyList<SensorPointDto> Observed, IReadOnlyList<ForecastPointBandDto> Forecast, RoadLevelsDto? Road = null);

/// <summary><c>GET /api/v1/sensors/{id}/series?from=&amp;to=</c>: what the dashboard's panel charts for a counter.</summary>
internal static class SensorSeriesEndpoint
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(8);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/sensors/{id}/series", GetAsync).WithName("GetSensorSeries")
            .WithSummary("A sensor's stored readings from 'from' (default 24 h ago) to now, and the deployed model's latest forecast of it (issued at or before now) with 80% and 95% bands from now to 'to' (default 12 h ahead), with the counter's surge threshold or the road's free-flow speed and congestion level edges; at most 8 days in all.")
            .Produces<SensorSeriesDto>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .OpenRead();

    private static async Task<IResult> GetAsync(
        string id, string? from, string? to, IObservationStore store, IForecastStore forecasts, LiveDeployment deployment, RoadDeployment roads, ClockDtos clocks, CancellationToken cancellationToken)
    {
        if (!QueryLabels.TryParse(from, clocks.SiteZone, out var first, out var fromError))
        {
            return QueryProblems.BadParameter("from", fromError);
        }

        if (!QueryLabels.TryParse(to, clocks.SiteZone, out var last, out var toError))
        {
            return QueryProblems.BadParameter("to", toError);
        }

        var sensors = await store.ListSensorsAsync(cancellationToken);
        if (!SensorId.IsValid(id, out _) || sensors.FirstOrDefault(s => s.Id.Value == id) is not { } sensor)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such sensor", detail: $"No sensor '{id}' is stored (see /api/v1/sensors).");
        }

        var now = clocks.NowLabel();
        var start = first ?? now - TimeSpan.FromDays(1);
        var end = last ?? now + TimeSpan.FromHours(12);
        if (end <= start || end - start > Longest)
        {
            return QueryProblems.BadParameter("to", $"'to' must be after 'from', at most {Longest.TotalDays:0} days later");
        }

        var observed = end > start && now > start ? await ObservedAsync(store, clocks, sensor.Id, start, end < now ? end : now, cancellationToken) : [];
        var road = sensor.Kind == SensorKind.RoadSpeed;
        var model = road ? roads.Model : deployment.Model;
        var forecast = model is not null && end > now ? await forecasts.LatestForecastAsync(sensor.Id, model.Name, now, cancellationToken) : null;
        var outlook = road ? roads.Roads.FirstOrDefault(r => r.SensorId == id) : null;
        var threshold = road ? outlook?.CongestedSpeed : deployment.Counters.FirstOrDefault(c => c.SensorId == id)?.Threshold;
        return Results.Ok(new SensorSeriesDto(
            id, (int)sensor.Step.TotalSeconds, threshold, model?.Name, observed, Bands(clocks, forecast, model?.Step ?? sensor.Step, now, end), LevelsOf(roads, outlook)));
    }

    /// <summary>The road's level edges from its free-flow speed and the deployed rule's ladder; null without either.</summary>
    private static RoadLevelsDto? LevelsOf(RoadDeployment roads, RoadStatusDto? outlook)
    {
        if (outlook?.FreeFlow is not { } freeFlow)
        {
            return null;
        }

        var ladder = roads.Ladder;
        return new RoadLevelsDto(freeFlow, Math.Round(freeFlow * ladder.Slowing, 1), Math.Round(freeFlow * ladder.Congested, 1), Math.Round(freeFlow * ladder.Jammed, 1));
    }

    private static async Task<List<SensorPointDto>> ObservedAsync(IObservationStore store, ClockDtos clocks, SensorId sensor, TimeLabel from, TimeLabel to, CancellationToken cancellationToken)
    {
        var batch = await store.ReadObservationsAsync(new ObservationQuery([sensor], from, to), cancellationToken);
        var points = new List<SensorPointDto>(batch.Count);
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!Missing.Is(values[i]))
            {
                points.Add(new SensorPointDto(clocks.Format(new TimeLabel(times[i])), values[i]));
            }
        }

        return points;
    }

    /// <summary>The forecast's slots that end after <paramref name="now"/> and begin before <paramref name="end"/>.</summary>
    private static List<ForecastPointBandDto> Bands(ClockDtos clocks, Forecast? forecast, TimeSpan step, TimeLabel now, TimeLabel end)
    {
        var points = new List<ForecastPointBandDto>();
        foreach (var p in forecast?.Points ?? [])
        {
            if (p.Target + step > now && p.Target < end && !Missing.Is(p.Mean))
            {
                var i80 = Interval(p, 0.8);
                var i95 = Interval(p, 0.95);
                points.Add(new ForecastPointBandDto(clocks.Format(p.Target), Round(p.Mean)!.Value, Round(i80?.Lower), Round(i80?.Upper), Round(i95?.Lower), Round(i95?.Upper)));
            }
        }

        return points;
    }

    private static PredictionInterval? Interval(ForecastPoint point, double level)
    {
        foreach (var interval in point.Intervals)
        {
            if (Math.Abs(interval.Level - level) < 1e-9)
            {
                return interval;
            }
        }

        return null;
    }

    private static double? Round(double? value) => value is { } v && !Missing.Is(v) ? Math.Round(v, 2) : null;
}

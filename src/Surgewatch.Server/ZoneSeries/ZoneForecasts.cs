using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Server.Deployment;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>One forecast step of density with 80% and 95% bands; bounds are null where the model gave none.</summary>
internal sealed record ForecastPointBandDto(string T, double Mean, double? Lo80, double? Hi80, double? Lo95, double? Hi95);

/// <summary>A zone's density forecast and the model that made it.</summary>
internal sealed record ZoneForecastDto(string ZoneId, string Model, IReadOnlyList<ForecastPointBandDto> Forecast);

/// <summary>
/// A zone's density forecast as the series, the hub and the monitor show it: Core's <see cref="ZoneForecastBuilder"/>
/// applied to the deployed model's latest stored forecasts of the zone's sources (what <see cref="LiveDeployment"/>
/// issued, and what <c>backtest</c> measures). Only while no model is deployed, or the model covers none of the zone's
/// sources, the <see cref="SeasonalBand"/> of the zone's own history stands in, named as a fallback.
/// </summary>
internal sealed class ZoneForecasts(IObservationStore observations, IForecastStore forecasts, LiveDeployment deployment, Clock.ClockDtos clocks)
{
    /// <summary>The model name of the fallback.</summary>
    public const string FallbackModel = SeasonalBand.Name + " (fallback: no deployed model covers the zone's sources)";

    private static readonly TimeSpan FallbackStep = TimeSpan.FromMinutes(5);

    /// <summary>The id of the deployed model, or null while none is (and every zone forecast is the fallback).</summary>
    public long? DeployedModelId => deployment.Model?.Id;

    /// <summary>The forecast of <paramref name="zone"/> for the slots that end after <paramref name="now"/> and begin before <paramref name="end"/>.</summary>
    public async Task<ZoneForecastDto> ForecastAsync(Zone zone, TimeLabel now, TimeLabel end, CancellationToken cancellationToken)
    {
        if (deployment.Model is { } model && await DeployedAsync(zone, model.Name, model.Step, now, cancellationToken) is { } built)
        {
            var points = built.Points.Where(p => p.Target + model.Step > now && p.Target < end).Select(Dto).ToList();
            return new ZoneForecastDto(zone.Id.Value, built.Model, points);
        }

        return new ZoneForecastDto(zone.Id.Value, FallbackModel, await SeasonalAsync(zone, now, end, cancellationToken));
    }

    /// <summary>The zone forecast built from <paramref name="model"/>'s latest source forecasts issued at or before <paramref name="now"/>, or null.</summary>
    public async Task<ZoneForecast?> DeployedAsync(Zone zone, string model, TimeSpan step, TimeLabel now, CancellationToken cancellationToken)
    {
        var latest = new List<Forecast>(zone.Sources.Count);
        foreach (var sensor in zone.Sources.Select(s => s.Sensor).Distinct())
        {
            if (await forecasts.LatestForecastAsync(sensor, model, now, cancellationToken) is { } forecast)
            {
                latest.Add(forecast);
            }
        }

        return ZoneForecastBuilder.Build(zone, latest, step);
    }

    private async Task<List<ForecastPointBandDto>> SeasonalAsync(Zone zone, TimeLabel now, TimeLabel end, CancellationToken cancellationToken)
    {
        var origin = ZoneBuckets.Grid(now, now, FallbackStep).First;
        if (end <= now)
        {
            return [];
        }

        var history = await ZoneBucketReader.ReadAsync(observations, zone, origin - TimeSpan.FromDays(8), origin + FallbackStep, FallbackStep, cancellationToken);
        var density = history.Persons.Select(p => p / zone.AreaSquareMetres).ToArray();
        var horizon = (int)Math.Ceiling((end - origin) / FallbackStep);
        var bands = SeasonalBand.Forecast(density, (int)(TimeSpan.FromDays(1) / FallbackStep), horizon);
        var points = new List<ForecastPointBandDto>(horizon);
        for (var h = 0; h < horizon; h++)
        {
            var b = bands[h];
            if (!Missing.Is(b.Mean))
            {
                points.Add(new ForecastPointBandDto(clocks.Format(origin + (FallbackStep * (h + 1))), R(b.Mean), R(b.Lo80), R(b.Hi80), R(b.Lo95), R(b.Hi95)));
            }
        }

        return points;
    }

    private ForecastPointBandDto Dto(ZoneForecastPoint p)
    {
        var i80 = p.Interval(0.8);
        var i95 = p.Interval(0.95);
        return new ForecastPointBandDto(clocks.Format(p.Target), R(p.Density), R(i80?.Lower), R(i80?.Upper), R(i95?.Lower), R(i95?.Upper));
    }

    private static double R(double value) => Math.Round(value, 4);

    private static double? R(double? value) => value is { } v ? Math.Round(v, 4) : null;
}

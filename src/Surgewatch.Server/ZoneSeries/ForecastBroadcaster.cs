using Surgewatch.Core.Monitoring;
using System.Collections.Concurrent;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.ZoneSeries;

/// <summary>A zone's latest density forecast, as the hub's <c>forecast</c> message carries it.</summary>
internal sealed record ZoneForecastDto(string ZoneId, string Model, IReadOnlyList<ForecastPointBandDto> Forecast);

/// <summary>
/// Every fifteen simulated minutes (checked every few real seconds), and for a zone without one yet, forecasts each zone's density two hours ahead
/// with the <see cref="IZoneForecaster"/>, keeps the forecasts for the monitor's forecast level and sends them to
/// the hub as <c>forecast</c> messages.
/// </summary>
internal sealed class ForecastBroadcaster(
    IZoneStore zones, IObservationStore store, IZoneForecaster forecaster, ClockDtos clocks, LiveNotifier notifier, ILogger<ForecastBroadcaster> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Ahead = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<string, ZoneForecastDto> _latest = new(StringComparer.Ordinal);
    private long _lastSlot = long.MinValue;

    /// <summary>The highest upper 80% bound (the 90% quantile) within the hour after <paramref name="now"/>, or null.</summary>
    public double? Upper90WithinHour(string zoneId, TimeLabel now)
    {
        if (!_latest.TryGetValue(zoneId, out var forecast))
        {
            return null;
        }

        double? max = null;
        var until = (now + TimeSpan.FromHours(1)).ToString();
        foreach (var point in forecast.Forecast)
        {
            if (string.CompareOrdinal(point.T, until) <= 0 && string.CompareOrdinal(point.T, now.ToString()) > 0)
            {
                max = Math.Max(max ?? 0, point.Hi80);
            }
        }

        return max;
    }

    /// <summary>The latest forecast's 90% upper bounds (its upper 80% band) after <paramref name="nowLabel"/>, as instants for Core's monitor.</summary>
    public IReadOnlyList<ForecastBound> Bounds(string zoneId, TimeLabel nowLabel, DateTimeOffset now, TimeZoneInfo site)
    {
        if (!_latest.TryGetValue(zoneId, out var forecast))
        {
            return [];
        }

        var list = new List<ForecastBound>(forecast.Forecast.Count);
        foreach (var point in forecast.Forecast)
        {
            if (TimeLabelParser.TryParse(point.T.AsSpan(), site, out var label, out _) && label > nowLabel)
            {
                list.Add(new ForecastBound(now + (label - nowLabel), point.Hi80));
            }
        }

        return list;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Forecasting the zones failed; trying again at the next slot");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clocks.NowLabel();
        var slot = now.Seconds / (long)Every.TotalSeconds;
        var newSlot = slot != _lastSlot;
        _lastSlot = slot;
        foreach (var zone in await zones.ListZonesAsync(cancellationToken))
        {
            if (!newSlot && _latest.TryGetValue(zone.Id.Value, out var known) && known.Forecast.Count > 0)
            {
                continue;
            }

            var points = await ZoneSeriesEndpoint.ForecastAsync(store, zone, forecaster, now, now + Ahead, cancellationToken);
            var dto = new ZoneForecastDto(zone.Id.Value, forecaster.Name, points);
            _latest[zone.Id.Value] = dto;
            await notifier.SendAsync(LiveMessages.Forecast, dto, cancellationToken);
        }
    }
}

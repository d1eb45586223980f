using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Monitoring;

/// <summary>
/// Once a second (and right after an ingest) estimates each zone's occupancy from the recent readings, runs the alert
/// lifecycle through Core's ZoneMonitor (via AlertBook: observed and forecast rules, notifications) and sends zone status and alert changes to the hub. The
/// forecast level is the worst level of the higher of the local trend's and the zone forecast's 90% upper bound within the hour.
/// Time comes from the server clock, so the demo's accelerated time drives it as well.
/// </summary>
internal sealed class MonitoringService(
    IZoneStore zones,
    RecentReadings recent,
    IObservationStore observations,
    AlertBook alerts,
    ZoneStatusBoard board,
    DensityTrends trends,
    ZoneSeries.ForecastBroadcaster forecasts,
    MonitorSignal signal,
    LiveNotifier notifier,
    ClockDtos clocks,
    TimeProvider clock,
    ILogger<MonitoringService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    private readonly Dictionary<ZoneId, LineBalanceState> _balances = [];
    private readonly SemaphoreSlim _stepping = new(1, 1);
    private long _lastBroadcast;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WarmAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StepAsync(stoppingToken);
                await Task.Delay(MinGap, stoppingToken);
                await signal.WaitAsync(Tick, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The monitoring step failed; retrying at the next tick");
                await Task.Delay(Tick, stoppingToken);
            }
        }
    }

    /// <summary>After a restart, loads the last half hour of the zones' readings from the store, so zones are not NoData until new readings come.</summary>
    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sensors = new List<SensorId>();
            foreach (var zone in await zones.ListZonesAsync(cancellationToken))
            {
                foreach (var source in zone.Sources)
                {
                    sensors.Add(source.Sensor);
                }
            }

            if (sensors.Count > 0)
            {
                var label = clocks.NowLabel();
                recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, label - Window, label + TimeSpan.FromMinutes(1)), cancellationToken));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not load recent readings from the store; zones show NoData until new readings arrive");
        }
    }

    /// <summary>One monitoring step at the clock's present: fuse each zone, then step Core's monitor once for all zones.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        await _stepping.WaitAsync(cancellationToken);
        try
        {
            await StepOnceAsync(cancellationToken);
        }
        finally
        {
            _stepping.Release();
        }
    }

    private async Task StepOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var label = clocks.NowLabel();
        var list = await zones.ListZonesAsync(cancellationToken);
        var statuses = new List<ZoneStatusDto>(list.Count);
        var occupancies = new Dictionary<ZoneId, ZoneOccupancy>(list.Count);
        var bounds = new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(list.Count);
        foreach (var zone in list)
        {
            var occupancy = Fuse(zone, label, now);
            occupancies[zone.Id] = occupancy;
            bounds[zone.Id] = forecasts.Bounds(zone.Id.Value, label, now, clocks.SiteZone);
            var estimate = ZoneEstimate.Of(occupancy);
            trends.Record(zone.Id.Value, label, estimate.Density);
            statuses.Add(Status(zone, estimate, label));
        }

        foreach (var changed in await alerts.StepAsync(now, list, occupancies, bounds, cancellationToken))
        {
            await notifier.SendAsync(LiveMessages.Alert, changed, cancellationToken);
        }

        board.Publish(statuses);
        await BroadcastAsync(statuses, cancellationToken);
    }

    private ZoneOccupancy Fuse(Zone zone, TimeLabel label, DateTimeOffset now)
    {
        var sensors = new List<SensorId>(zone.Sources.Count);
        foreach (var source in zone.Sources)
        {
            sensors.Add(source.Sensor);
        }

        var readings = recent.Window(sensors, label - Window, label, clocks.SiteZone);
        var state = _balances.TryGetValue(zone.Id, out var known) && known.IntegratedUntil <= now ? known : LineBalanceState.Start(now - Window);
        var result = OccupancyFusion.Fuse(zone, readings, state, now);
        _balances[zone.Id] = result.State;
        return result.Occupancy;
    }

    private ZoneStatusDto Status(Zone zone, ZoneEstimate estimate, TimeLabel label)
    {
        var sources = new List<ZoneSourceStatusDto>(estimate.Sources.Count);
        foreach (var source in estimate.Sources)
        {
            sources.Add(new ZoneSourceStatusDto(source.Sensor.Value, Ingestion.GeoJson.ZonesGeoJson.RoleName(source.Role), source.Stale));
        }

        var upper = Max(trends.UpperWithinHour(zone.Id.Value), forecasts.Upper90WithinHour(zone.Id.Value, label));
        var level = ZoneLevelNames.Name(zone.Levels, estimate.Density, estimate.Flow);
        var forecastLevel = upper is { } u ? ZoneLevelNames.Name(zone.Levels, Math.Max(u, estimate.Density ?? 0), null) : level;
        return new ZoneStatusDto(zone.Id.Value, label.ToString(), Round(estimate.Persons, 0), Round(estimate.Density, 3), Round(estimate.Flow, 2),
            Math.Round(estimate.Confidence, 2), level, forecastLevel, sources, estimate.Fallback);
    }

    private async Task BroadcastAsync(IReadOnlyList<ZoneStatusDto> statuses, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        if (TimeProvider.System.GetElapsedTime(Interlocked.Read(ref _lastBroadcast), stamp) < TimeSpan.FromMilliseconds(900))
        {
            return;
        }

        Interlocked.Exchange(ref _lastBroadcast, stamp);
        await notifier.SendAsync(LiveMessages.ZoneStatus, statuses, cancellationToken);
        await notifier.SendAsync(LiveMessages.Clock, clocks.Current(), cancellationToken);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

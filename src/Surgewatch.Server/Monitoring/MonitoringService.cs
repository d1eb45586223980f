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
/// Once a second (and right after an ingest) estimates each zone's occupancy from the recent readings (Core's
/// occupancy fusion), steps Core's monitors through AlertBook (observed and forecast rules, the counters' surge rule,
/// notifications) and publishes what they return, as they return it: each zone's level and forecast level come from
/// Core's ZoneStatus, so the level shown is the level that fires. Time comes from the server clock, so the demo's
/// accelerated time drives it as well; in demo and replay mode it starts once the feeder has stored the history.
/// </summary>
internal sealed class MonitoringService(
    IZoneStore zones,
    RecentReadings recent,
    IObservationStore observations,
    AlertBook alerts,
    ZoneStatusBoard board,
    ZoneSeries.ForecastBroadcaster forecasts,
    MonitorSignal signal,
    LiveNotifier notifier,
    ClockDtos clocks,
    TimeProvider clock,
    Readings.KnownSensors sensors,
    Metrics.LiveMetrics metrics,
    Deployment.HistoryGate history,
    ILogger<MonitoringService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    // The longest look back: an hourly source stays fresh two hours and five minutes after its label.
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(RecentReadings.KeepSeconds);
    private readonly Dictionary<ZoneId, LineBalanceState> _balances = [];
    private readonly SemaphoreSlim _stepping = new(1, 1);
    private long _lastBroadcast;
    private bool _alertsCounted;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A replay's clock reads the real time until its feeder has stored the history and moved the clock back to the
        // data's end: a step before then would date the alerts in the present, and every later step (in the data's past)
        // would be refused as out of order.
        await history.Stored.WaitAsync(stoppingToken);
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
                recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, label - Kept, label + TimeSpan.FromMinutes(1)), cancellationToken));
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
            var started = TimeProvider.System.GetTimestamp();
            await StepOnceAsync(cancellationToken);
            metrics.RecordStep(TimeProvider.System.GetElapsedTime(started));
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
        var stepOf = await sensors.StepsAsync(cancellationToken);
        var occupancies = new Dictionary<ZoneId, ZoneOccupancy>(list.Count);
        var bounds = new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(list.Count);
        foreach (var zone in list)
        {
            occupancies[zone.Id] = Fuse(zone, label, now, stepOf);
            bounds[zone.Id] = forecasts.Bounds(zone.Id.Value, label, now, clocks.SiteZone);
        }

        var (changed, zoneStatuses) = await alerts.StepAsync(now, list, occupancies, bounds, cancellationToken);
        foreach (var alert in changed)
        {
            await notifier.SendAsync(LiveMessages.Alert, alert, cancellationToken);
        }

        if (changed.Count > 0 || !_alertsCounted)
        {
            metrics.SetAlerts(await alerts.ListAsync(activeOnly: true, cancellationToken));
            _alertsCounted = true;
        }

        var statuses = new List<ZoneStatusDto>(zoneStatuses.Count);
        foreach (var status in zoneStatuses)
        {
            statuses.Add(Status(status, clocks.Format(label)));
        }

        board.Publish(statuses);
        await BroadcastAsync(statuses, cancellationToken);
    }

    private ZoneOccupancy Fuse(Zone zone, TimeLabel label, DateTimeOffset now, Func<SensorId, TimeSpan?> stepOf)
    {
        var ids = new List<SensorId>(zone.Sources.Count);
        var window = Window;
        foreach (var source in zone.Sources)
        {
            ids.Add(source.Sensor);
            var fresh = FusionOptions.Default.StaleWindow(stepOf(source.Sensor));
            window = TimeSpan.FromTicks(Math.Max(window.Ticks, Math.Min(fresh.Ticks, Kept.Ticks)));
        }

        var readings = recent.Window(ids, label - window, label, clocks.SiteZone);
        var state = _balances.TryGetValue(zone.Id, out var known) && known.IntegratedUntil <= now ? known : LineBalanceState.Start(now - Window);
        var result = OccupancyFusion.Fuse(zone, readings, state, now, null, stepOf);
        _balances[zone.Id] = result.State;
        return result.Occupancy;
    }

    private static ZoneStatusDto Status(ZoneStatus status, string at)
    {
        var estimate = ZoneEstimate.Of(status.Occupancy);
        var sources = new List<ZoneSourceStatusDto>(estimate.Sources.Count);
        foreach (var source in estimate.Sources)
        {
            sources.Add(new ZoneSourceStatusDto(source.Sensor.Value, Ingestion.GeoJson.ZonesGeoJson.RoleName(source.Role), source.Stale));
        }

        return new ZoneStatusDto(status.Zone.Value, at, Round(estimate.Persons, 0), Round(estimate.Density, 3), Round(estimate.Flow, 2),
            Math.Round(estimate.Confidence, 2), ZoneLevelLadder.Name(status.Level), ZoneLevelLadder.Name(status.ForecastLevel), sources, estimate.Fallback);
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

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

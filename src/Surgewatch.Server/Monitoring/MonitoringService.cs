using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
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
/// <see cref="LiveOccupancy"/>, whose line balances are saved every minute of site time and at stop, and taken back at
/// the first step after a restart), steps Core's monitors through AlertBook (observed and forecast rules, the counters' surge rule,
/// notifications) and publishes what they return, as they return it: each zone's level and forecast level come from
/// Core's ZoneStatus, so the level shown is the level that fires. Time comes from the server clock, so the demo's
/// accelerated time drives it as well; in demo and replay mode it starts once the feeder has stored the history.
/// </summary>
internal sealed class MonitoringService(
    IZoneStore zones,
    RecentReadings recent,
    IObservationStore observations,
    IZoneBalanceStore balances,
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
    IZoneOwnership ownership,
    Cluster.ReadingsCatchUp catchUp,
    ILogger<MonitoringService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinGap = TimeSpan.FromMilliseconds(50);

    // The longest look back: what RecentReadings keeps (an hourly source stays fresh two hours and five minutes after its label).
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(RecentReadings.KeepSeconds);

    // How often (site time) the zones' line balances are saved. A restart re-integrates the crossings since the saved
    // balance from the stored readings (the warm-up loads them), so nothing counted is lost between two saves.
    private static readonly TimeSpan SaveEvery = TimeSpan.FromMinutes(1);
    private readonly LiveOccupancy _occupancy = new(Kept);
    private DateTimeOffset _savedAt = DateTimeOffset.MinValue;
    private bool _restored;
    private HashSet<ZoneId> _held = [];
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
                await _stepping.WaitAsync(CancellationToken.None);
                try
                {
                    await SaveBalancesAsync(force: true);
                }
                finally
                {
                    _stepping.Release();
                }

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

    /// <summary>Before the first step: the line balances as the last run left them, integrated onwards from the readings the warm-up loads.</summary>
    private async Task RestoreBalancesAsync(CancellationToken cancellationToken)
    {
        if (_restored)
        {
            return;
        }

        try
        {
            var now = clock.GetUtcNow();
            _occupancy.Restore(await balances.LoadZoneBalancesAsync(cancellationToken), now);
            _savedAt = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not load the zones' line balances from the store; zones counted by lines start again from their last 30 minutes");
        }

        _restored = true;
    }

    /// <summary>
    /// A node of a cluster steps only the zones it holds; a zone it has just gained takes its saved line balance back
    /// first (the node that held it saved it), as a restart does; the readings other nodes were sent come from the store.
    /// </summary>
    private async Task<IReadOnlyList<Zone>> HeldAsync(IReadOnlyList<Zone> all, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = all.Where(z => ownership.Holds(z.Id.Value)).ToList();
        var gained = held.Where(z => !_held.Contains(z.Id)).Select(z => z.Id).ToHashSet();
        if (gained.Count > 0)
        {
            try
            {
                _occupancy.Restore([.. (await balances.LoadZoneBalancesAsync(cancellationToken)).Where(b => gained.Contains(b.Zone))], now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not load the line balances of the zones this node has taken over; they start again from their last 30 minutes");
            }
        }

        _held = [.. held.Select(z => z.Id)];
        await catchUp.CatchUpAsync(held, cancellationToken);
        return held;
    }

    /// <summary>Saves the zones' line balances when a minute of site time has passed since the last save, or when forced (at stop).</summary>
    private async Task SaveBalancesAsync(bool force, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!force && now - _savedAt < SaveEvery && now >= _savedAt)
        {
            return;
        }

        try
        {
            await balances.UpsertZoneBalancesAsync(_occupancy.Snapshot(), cancellationToken);
            _savedAt = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not save the zones' line balances; retrying at the next step");
        }
    }

    /// <summary>One monitoring step at the clock's present: fuse each zone, then step Core's monitor once for all zones.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        await _stepping.WaitAsync(cancellationToken);
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            await RestoreBalancesAsync(cancellationToken);
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
        var all = await zones.ListZonesAsync(cancellationToken);
        var list = ownership.HoldsEverything ? all : await HeldAsync(all, now, cancellationToken);
        var stepOf = await sensors.StepsAsync(cancellationToken);
        var occupancies = new Dictionary<ZoneId, ZoneOccupancy>(list.Count);
        var bounds = new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(list.Count);
        _occupancy.Keep([.. list.Select(z => z.Id)]);
        foreach (var zone in list)
        {
            var ids = zone.Sources.Select(s => s.Sensor);
            var readings = recent.Window(ids, label - _occupancy.LookBack(zone, now, stepOf), label, clocks.SiteZone);
            occupancies[zone.Id] = _occupancy.Fuse(zone, readings, now, stepOf);
            bounds[zone.Id] = forecasts.Bounds(zone.Id.Value, label, now, clocks.SiteZone);
        }

        await SaveBalancesAsync(force: false, cancellationToken);

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
        await BroadcastAsync(board.Current, cancellationToken);
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

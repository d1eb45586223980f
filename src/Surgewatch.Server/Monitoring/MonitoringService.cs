using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Monitoring;

/// <summary>
/// Feeds Core's live loop (hosted by <see cref="AlertBook"/>) once a second and right after an ingest: the clock's
/// present, the zones (those the node holds, in a cluster), the sensors' steps and each zone's forecast from the deployed
/// model; then publishes what the step returns, as it returns it: each zone's status (its level and forecast level are
/// those that fire) and the alerts that changed. Time comes from the server clock, so the demo's accelerated time
/// drives it as well; in demo and replay mode it starts once the feeder has stored the history. It computes nothing of
/// its own beside the loop.
/// </summary>
internal sealed class MonitoringService(
    ZoneCatalog zones,
    RecentReadings recent,
    IObservationStore observations,
    AlertBook alerts,
    ZoneStatusBoard board,
    IZoneStatusShare statusShare,
    ZoneSeries.ForecastBroadcaster forecasts,
    MonitorSignal signal,
    LiveNotifier notifier,
    LiveAudience audience,
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
    private readonly SemaphoreSlim _stepping = new(1, 1);
    private long _lastBroadcast;
    private bool _alertsCounted;
    private (IReadOnlyList<Zone> All, IReadOnlyList<string> Held, IReadOnlyList<Zone> Zones)? _heldZones;

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
                    await alerts.SaveBalancesAsync(CancellationToken.None);
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

    /// <summary>After a restart, loads the zones' recent readings from the store, so zones are not NoData until new readings come.</summary>
    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        try
        {
            var sensors = new List<SensorId>();
            foreach (var zone in await zones.ZonesAsync(cancellationToken))
            {
                foreach (var source in zone.Sources)
                {
                    sensors.Add(source.Sensor);
                }
            }

            if (sensors.Count > 0)
            {
                var label = clocks.NowLabel();
                recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, label - LiveLoop.Kept, label + TimeSpan.FromMinutes(1)), cancellationToken));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not load recent readings from the store; zones show NoData until new readings arrive");
        }
    }

    /// <summary>One step of the live loop at the clock's present.</summary>
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

    /// <summary>
    /// The zones of <paramref name="all"/> this node holds: the same list while neither the zones nor the held subjects
    /// changed, rather than every zone looked up at every step.
    /// </summary>
    private IReadOnlyList<Zone> HeldOf(IReadOnlyList<Zone> all)
    {
        // Listed first: a subject gained while filtering gives a new list, so the next step filters again.
        var held = ownership.List();
        if (_heldZones is { } last && ReferenceEquals(last.All, all) && ReferenceEquals(last.Held, held))
        {
            return last.Zones;
        }

        List<Zone> zones = [.. all.Where(z => ownership.Holds(z.Id.Value))];
        _heldZones = (all, held, zones);
        return zones;
    }

    private async Task StepOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var site = clocks.SiteZone;
        var label = TimeLabel.FromInstant(now, site);
        var all = await zones.ZonesAsync(cancellationToken);
        IReadOnlyList<Zone> list = all;
        if (!ownership.HoldsEverything)
        {
            // A node of a cluster steps only the zones it holds; the readings other nodes were sent come from the store.
            list = HeldOf(all);
            await catchUp.CatchUpAsync(list, cancellationToken);
        }

        var stepOf = await sensors.StepsAsync(cancellationToken);
        var (changed, zoneStatuses) = await alerts.StepAsync(now, site, list, stepOf, zone => forecasts.Bounds(zone.Value, label, now, site), cancellationToken);
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
        // Statuses and the clock go out only while dashboards are connected: to this node, or to any node of a cluster.
        statusShare.SetListening(audience.Anyone);
        if (!statusShare.AnyoneListening)
        {
            return;
        }

        if (notifier.ReachesEveryNode)
        {
            // Every node's dashboards hear every node (a cluster's backplane): this node sends the statuses of the zones
            // it steps, which the dashboards merge by zone, and the node that holds the counters' lead group sends the clock.
            await BroadcastAsync(board.Own, ownership.Holds(FamilySteps.Lead(Core.Forecasting.Persistence.ModelSubjects.Counters)), cancellationToken);
        }
        else
        {
            await BroadcastAsync(await board.CurrentAsync(cancellationToken), clock: true, cancellationToken);
        }
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

    private async Task BroadcastAsync(IReadOnlyList<ZoneStatusDto> statuses, bool clock, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        if (TimeProvider.System.GetElapsedTime(Interlocked.Read(ref _lastBroadcast), stamp) < TimeSpan.FromMilliseconds(900))
        {
            return;
        }

        Interlocked.Exchange(ref _lastBroadcast, stamp);
        if (statuses.Count > 0)
        {
            await notifier.SendAsync(LiveMessages.ZoneStatus, statuses, cancellationToken);
        }

        if (clock)
        {
            await notifier.SendAsync(LiveMessages.Clock, clocks.Current(), cancellationToken);
        }
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}

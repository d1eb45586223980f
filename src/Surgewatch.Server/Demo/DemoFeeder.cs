using Surgewatch.Core.Access;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Readings;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.Demo;

/// <summary>
/// Runs the demo city in demo mode: stores its zones and sensors (with the Bank Street corridor's speed detectors,
/// <see cref="SyntheticRoads"/>) and a demo operator key at start, then (in the background) five weeks of minute
/// history, as its counters report (the roads every five minutes), and from then on one reading per sensor and
/// simulated minute through the same ingest path as HTTP clients. The server trains its models on that history
/// (on quarter-hours, <see cref="ForecastGrid"/>) as it would on a city's own.
/// </summary>
/// <remarks>
/// On a node of a cluster (the nodes share one clock: <c>Surgewatch:StartedAt</c>) the city is fed by one node, the
/// one holding the counters' lead group (<see cref="Core.Cluster.FamilySteps.Lead"/>): it lays the history down when the
/// store has none, then feeds each simulated minute; a node that takes the counters' lead group over feeds on from the last hour (the readings are the same whoever makes
/// them: the surge and the incident are timed from the clock's origin, the same on every node).
/// </remarks>
internal sealed class DemoFeeder(
    IZoneStore zones,
    IObservationStore store,
    Core.Roads.IRoadGraphStore roads,
    IApiKeyStore keys,
    IngestPipeline pipeline,
    ServerClock clock,
    ClockDtos clocks,
    DemoSession session,
    Deployment.HistoryGate history,
    Core.Cluster.IZoneOwnership ownership,
    ILogger<DemoFeeder> logger) : BackgroundService
{
    private static readonly TimeSpan HistoryLength = TimeSpan.FromDays(35);
    private static readonly TimeSpan LiveStep = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private TimeLabel _surgeStart;
    private TimeLabel _incidentStart;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (clock.Mode != ClockMode.Demo)
        {
            return;
        }

        var origin = ownership.HoldsEverything ? clocks.NowLabel() : new TimeLabel(TimeLabel.FromInstant(clock.Origin, clocks.SiteZone).Seconds / 60 * 60);
        _surgeStart = origin + TimeSpan.FromMinutes(SyntheticZones.SurgeStartMinutes);
        _incidentStart = origin + TimeSpan.FromMinutes(SyntheticRoads.IncidentStartMinutes);
        await zones.UpsertZonesAsync(SyntheticZones.Zones(), cancellationToken);
        await store.UpsertSensorsAsync([.. SyntheticZones.Sensors(), .. SyntheticRoads.Sensors()], cancellationToken);
        await roads.ReplaceEdgesAsync(SyntheticRoads.Edges(), cancellationToken);
        var key = ApiKeySecrets.Generate();
        var hash = ApiKeySecrets.Hash(key);
        await keys.AddApiKeyAsync(new ApiKey(ApiKeySecrets.IdOf(hash), "demo operator", ApiKeyRole.Operator, hash, clock.GetUtcNow()), cancellationToken);
        session.OperatorKey = key;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (clock.Mode != ClockMode.Demo)
        {
            return;
        }

        if (!ownership.HoldsEverything)
        {
            await FeedAsHolderAsync(stoppingToken);
            return;
        }

        var start = new TimeLabel(clocks.NowLabel().Seconds / 60 * 60);
        try
        {
            await WriteHistoryAsync(start, stoppingToken);
        }
        finally
        {
            history.Done();
        }

        var last = await FeedAsync(start - TimeSpan.FromHours(1), start, stoppingToken);
        logger.LogInformation(
            "Demo city ready: {Zones} zones; the surge builds at {Zone} from {Start}; Bank Street jams with the concert's arrivals from 18:10 and an incident blocks it at {Incident} from {IncidentStart}",
            SyntheticZones.Specs.Count, SyntheticZones.SurgeZone, _surgeStart, SyntheticRoads.Id(SyntheticRoads.IncidentDetector), _incidentStart);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, stoppingToken);
            var now = new TimeLabel(clocks.NowLabel().Seconds / 60 * 60);
            var upTo = now - last > TimeSpan.FromHours(1) ? last + TimeSpan.FromHours(1) : now;
            last = await FeedAsync(last, upTo, stoppingToken);
        }
    }

    /// <summary>
    /// A node of a cluster: feeds the city while it holds the counters' lead group (see the remarks). Its history gate opens
    /// once it has laid the history down, or, while another node holds the counters, once the store holds readings.
    /// </summary>
    private async Task FeedAsHolderAsync(CancellationToken stoppingToken)
    {
        TimeLabel? last = null;
        var open = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Poll, stoppingToken);
            if (!ownership.Holds(Core.Cluster.FamilySteps.Lead(Core.Forecasting.Persistence.ModelSubjects.Counters)))
            {
                last = null;
                if (!open && await store.CountObservationsAsync(stoppingToken) > 0)
                {
                    history.Done();
                    open = true;
                }

                continue;
            }

            var now = new TimeLabel(clocks.NowLabel().Seconds / 60 * 60);
            if (last is not { } from)
            {
                if (await store.CountObservationsAsync(stoppingToken) == 0)
                {
                    logger.LogInformation("This node holds the counters' lead group and the store is empty: laying the demo city's history down");
                    await WriteHistoryAsync(now, stoppingToken);
                }

                history.Done();
                open = true;

                logger.LogInformation("This node feeds the demo city while it holds the counters' lead group");
                from = now - TimeSpan.FromHours(1);
            }

            last = await FeedAsync(from, now - from > TimeSpan.FromHours(1) ? from + TimeSpan.FromHours(1) : now, stoppingToken);
        }
    }

    private async Task WriteHistoryAsync(TimeLabel start, CancellationToken cancellationToken)
    {
        var from = start - HistoryLength;
        var end = start - TimeSpan.FromHours(1);
        var batch = new ObservationBatch(64 * 1024);
        for (var t = from; t <= end; t += LiveStep)
        {
            SyntheticZones.AddReadings(batch, t, LiveStep, _surgeStart);
            SyntheticRoads.AddReadings(batch, t, _incidentStart);
            if (batch.Count >= 60_000)
            {
                await store.UpsertObservationsAsync(batch, cancellationToken: cancellationToken);
                batch = new ObservationBatch(64 * 1024);
            }
        }

        await store.UpsertObservationsAsync(batch, cancellationToken: cancellationToken);
    }

    private async Task<TimeLabel> FeedAsync(TimeLabel after, TimeLabel upTo, CancellationToken cancellationToken)
    {
        if (upTo <= after)
        {
            return after;
        }

        var batch = new ObservationBatch(1024);
        for (var t = after + LiveStep; t <= upTo; t += LiveStep)
        {
            SyntheticZones.AddReadings(batch, t, LiveStep, _surgeStart);
            SyntheticRoads.AddReadings(batch, t, _incidentStart);
        }

        await pipeline.IngestAsync(batch, cancellationToken, "demo");
        return upTo;
    }
}

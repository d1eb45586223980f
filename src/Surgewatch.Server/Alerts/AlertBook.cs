using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Notifications;
using Surgewatch.Server.Silences;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// The server's host of Core's <see cref="LiveLoop"/>: steps it (the monitoring service feeds the time, the zones and
/// their forecasts; the ingests feed the readings), applies operator actions, and persists what it returns: alert
/// events to the history, planned notifications to the outbox (through the <see cref="NotificationDispatcher"/>), the
/// alerts' snapshots after every change, and the zones' line balances and recent densities every minute of site time. Before a step it
/// restores what the step takes over: everything after a restart (Firing and acknowledged alerts resume; counter and
/// road alerts are carried until their model is deployed again). One at a time.
/// </summary>
/// <remarks>
/// On a node of a cluster (<see cref="IZoneOwnership"/> not holding everything) it steps the zones it is given (those
/// the node holds), and the counters and roads of the groups whose steps it holds (<see cref="FamilySteps"/>) and its
/// deployed monitors cover (<see cref="LiveLoop.Steppable"/>); it restores a zone's or a group's state from the store
/// when it gains it, and writes only the snapshots of what it holds, so that the nodes sharing one store never
/// overwrite each other's zones.
/// </remarks>
internal sealed class AlertBook(
    IAlertStore store,
    IAlertSnapshotStore snapshots,
    IZoneBalanceStore balances,
    IZoneDensityStore densities,
    SilenceBook silences,
    NotificationDispatcher dispatcher,
    IOptions<NotificationSettings> settings,
    RecentReadings readings,
    Deployment.LiveDeployment deployment,
    Deployment.RoadDeployment roads,
    IZoneOwnership ownership,
    IOptions<Hosting.ServerOptions> server,
    TimeProvider clock,
    ILogger<AlertBook> logger)
{
    /// <summary>The rule whose alert stands for the whole zone while it has no data.</summary>
    public const string NoDataRule = LiveLoop.NoDataRule;

    // How often (site time) the zones' line balances are saved. A restart re-integrates the crossings since the saved
    // balance from the stored readings (the warm-up loads them), so nothing counted is lost between two saves.
    private static readonly TimeSpan SaveBalancesEvery = TimeSpan.FromMinutes(1);

    private readonly LiveLoop _loop = new(readings, deployment, roads, settings.Value.Policy(), MonitorOptions.Default with { PendingFor = server.Value.ZonePendingFor });
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _balancesSavedAt = DateTimeOffset.MinValue;

    // What the last step held, published for Keeps (read outside the gate): a new set when it changes, never mutated.
    private KeptSubjects _kept = new(new HashSet<string>(StringComparer.Ordinal), SensorGroups.None, SensorGroups.None);

    // Never behind the wall clock (not the site's, which a demo or replay runs at its own pace), so that revisions keep
    // growing across a restart of the server and a client's newer view is never mistaken for an older one; in a cluster,
    // a view that the node taking a zone over gives after the views of the node it took it from is newer than them too.
    private long _revision = WallRevision();

    /// <summary>Every shown alert that ever left Inactive, newest first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var list = new List<AlertDto>();
            foreach (var alert in _loop.Alerts)
            {
                if (alert.Status.State != AlertState.Inactive && LiveLoop.Shown(alert.Status) && (!activeOnly || alert.Status.IsActive))
                {
                    list.Add(ToDto(alert));
                }
            }

            list.Sort((a, b) => b.Since.CompareTo(a.Since));
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The views <see cref="ListAsync"/> gives, and those of <paramref name="alsoInactive"/> even while Inactive, for the
    /// other nodes of a cluster. Each carries the latest revision given (see <see cref="AlertDto.Revision"/>) without
    /// advancing it, so that sharing views every second neither outdates a client's newer view nor inflates revisions.
    /// </summary>
    public async Task<IReadOnlyList<AlertDto>> SharedViewsAsync(IReadOnlySet<string> alsoInactive, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var list = new List<AlertDto>();
            foreach (var alert in _loop.Alerts)
            {
                if ((alert.Status.State != AlertState.Inactive || alsoInactive.Contains(alert.Key)) && LiveLoop.Shown(alert.Status))
                {
                    list.Add(View(alert, _revision));
                }
            }

            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Whether the monitors keep the alerts of <paramref name="subject"/> (a zone id or a family step of <see cref="FamilySteps"/>)
    /// now: always on a single node; on a node of a cluster, what it held at its last step (a subject it has just gained
    /// has its alerts restored at the next step).
    /// </summary>
    public bool Keeps(string subject) => ownership.HoldsEverything || Kept.Contains(subject);

    /// <summary>What <see cref="Keeps"/> answers from on a node of a cluster: a new instance whenever it changes.</summary>
    public KeptSubjects Kept => Volatile.Read(ref _kept);

    /// <summary>One step of the live loop; returns the alerts that changed and every stepped zone's status as Core's loop gives it.</summary>
    /// <param name="now">The step's moment.</param>
    /// <param name="site">The site's time zone.</param>
    /// <param name="zones">The zones to step (those the node holds).</param>
    /// <param name="stepOf">Each sensor's reporting step, where known.</param>
    /// <param name="forecastOf">Each zone's forecast bounds from the deployed model.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    public async Task<(IReadOnlyList<AlertDto> Changed, IReadOnlyList<ZoneStatus> Zones)> StepAsync(
        DateTimeOffset now,
        TimeZoneInfo site,
        IReadOnlyList<Zone> zones,
        Func<SensorId, TimeSpan?> stepOf,
        Func<ZoneId, IReadOnlyList<ForecastBound>> forecastOf,
        CancellationToken cancellationToken)
    {
        var muting = await silences.ActiveAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (counters, roads) = ownership.HoldsEverything
                ? (SensorGroups.All, SensorGroups.All)
                : _loop.Steppable(FamilySteps.Held(ModelSubjects.Counters, ownership.Holds), FamilySteps.Held(ModelSubjects.Roads, ownership.Holds));
            var input = new LiveInput(now, site, zones, stepOf, forecastOf, muting, counters, roads);
            await RestoreGainedAsync(input, cancellationToken);
            var step = _loop.Step(input);
            PublishHeld(input);
            await SaveBalancesAsync(now, force: false, cancellationToken);

            // Into the outbox before the ledgers that count them as told are saved: a node that dies in between plans
            // them again from the saved ledgers, with the same delivery ids, which the outbox does not take twice.
            await dispatcher.EnqueueAsync(step.Notifications, cancellationToken);
            if (step.Events.Count == 0 && step.Notifications.Count == 0)
            {
                return ([], step.Zones);
            }

            await store.AppendAlertEventsAsync(step.Events, cancellationToken);
            await SaveAsync(cancellationToken);
            return (Changed(step.Events), step.Zones);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Publishes what <paramref name="input"/>'s step held for <see cref="Keeps"/>.</summary>
    private void PublishHeld(LiveInput input)
    {
        var kept = _kept;
        var sameZones = input.Zones.Count == kept.Zones.Count && input.Zones.All(z => kept.Zones.Contains(z.Id.Value));
        if (!sameZones || input.Counters != kept.Counters || input.Roads != kept.Roads)
        {
            var zones = sameZones ? kept.Zones : new HashSet<string>(input.Zones.Select(z => z.Id.Value), StringComparer.Ordinal);
            Volatile.Write(ref _kept, new KeptSubjects(zones, input.Counters, input.Roads));
        }
    }

    /// <summary>Saves the zones' line balances and densities now (at stop), whatever the time since the last save.</summary>
    public async Task SaveBalancesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SaveBalancesAsync(clock.GetUtcNow(), force: true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Acknowledges or resolves an alert; null when no such alert exists.</summary>
    /// <exception cref="InvalidOperationException">The alert has no open episode.</exception>
    public async Task<AlertDto?> ActAsync(string key, string actor, bool resolve, string? note, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loop.Find(key) is null)
            {
                return null;
            }

            var events = _loop.Act(key, actor, resolve, clock.GetUtcNow()).Events;
            if (note is not null && events.Count > 0)
            {
                events = [events[0] with { Note = $"{events[0].Note}: {note}" }, .. events.Skip(1)];
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await SaveAsync(cancellationToken);
            return ToDto(_loop.Find(key)!);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The severity of each rule the monitors hold an alert of ("warning", "alarm", "critical"), by rule id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RuleSeveritiesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var severities = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var alert in _loop.Alerts)
            {
                severities.TryAdd(alert.Rule.Id, alert.Severity.ToString().ToLowerInvariant());
            }

            return severities;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Before a step: restores from the store what the step takes over (everything after a restart; on a node of a
    /// cluster, the zones it has just gained, and the groups of counters or roads it gains). Alerts must load
    /// (the step fails and is retried at the next tick); balances that cannot be loaded start again from the readings.
    /// </summary>
    private async Task RestoreGainedAsync(LiveInput input, CancellationToken cancellationToken)
    {
        var (zones, counters, roads) = _loop.Gains(input);
        if (zones.Count == 0 && counters.IsEmpty && roads.IsEmpty)
        {
            return;
        }

        var alerts = await snapshots.LoadAlertSnapshotsAsync(cancellationToken);
        IReadOnlyList<ZoneBalance> savedBalances = [];
        IReadOnlyList<ZoneDensities> savedDensities = [];
        if (zones.Count > 0)
        {
            try
            {
                savedBalances = await balances.LoadZoneBalancesAsync(cancellationToken);
                savedDensities = await densities.LoadZoneDensitiesAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not load the zones' line balances and densities from the store; zones counted by lines start again from their last 30 minutes, and trends from the next steps");
            }
        }

        _loop.Restore(new LiveSnapshot(alerts, savedBalances, savedDensities), zones, counters, roads, input.Now);
    }

    /// <summary>Saves the zones' line balances when a minute of site time has passed since the last save (or the clock went back), or when forced.</summary>
    private async Task SaveBalancesAsync(DateTimeOffset now, bool force, CancellationToken cancellationToken)
    {
        if (!force && now - _balancesSavedAt < SaveBalancesEvery && now >= _balancesSavedAt)
        {
            return;
        }

        try
        {
            var state = _loop.ZoneState(heldOnly: !ownership.HoldsEverything);
            await balances.UpsertZoneBalancesAsync(state.Balances, cancellationToken);
            await densities.UpsertZoneDensitiesAsync(state.Densities, cancellationToken);
            _balancesSavedAt = now;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not save the zones' line balances and densities; retrying at the next step");
        }
    }

    /// <summary>Persists the snapshots: all of them on a single node; on a node of a cluster, those of what it holds, replacing only theirs.</summary>
    private Task SaveAsync(CancellationToken cancellationToken)
    {
        if (ownership.HoldsEverything)
        {
            return snapshots.ReplaceAlertSnapshotsAsync(_loop.Snapshot().Alerts, cancellationToken);
        }

        var (subjects, held) = _loop.HeldSnapshot();
        return snapshots.ReplaceAlertSnapshotsOfAsync(subjects, held.Alerts, cancellationToken);
    }

    private List<AlertDto> Changed(IReadOnlyList<AlertEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<AlertDto>();
        foreach (var e in events)
        {
            if (seen.Add(e.AlertKey) && _loop.Find(e.AlertKey) is { } alert && LiveLoop.Shown(alert.Status))
            {
                changed.Add(ToDto(alert));
            }
        }

        return changed;
    }

    // Under the gate, like every view: revisions follow the order in which the views were taken.
    private AlertDto ToDto(MonitoredAlert alert) => View(alert, _revision = Math.Max(_revision + 1, WallRevision()));

    /// <summary>The revision of the wall clock's present: a thousand per millisecond.</summary>
    private static long WallRevision() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    private AlertDto View(MonitoredAlert alert, long revision)
    {
        var dto = AlertDto.Of(alert, alert.Silenced || silences.Mutes(alert.Status.RuleId, alert.Status.Subject, clock.GetUtcNow())) with { Revision = revision };
        return alert.Rule.Id == SurgeMonitor.RuleId ? dto with { Value = SurgeProbability(alert.Subject) }
            : alert.Rule.Id == CongestionMonitor.RuleId ? dto with { Value = CongestionProbability(alert.Subject) }
            : dto;
    }

    /// <summary>A counter's highest surge probability within the live horizon, which its alert shows as its value (the lifecycle's own sample is only 1 while warned).</summary>
    private double? SurgeProbability(string sensor) => deployment.Counters.FirstOrDefault(c => c.SensorId == sensor)?.Probability;

    /// <summary>A road's probability of congestion within the rule's window (null while it is congested now), which its alert shows as its value.</summary>
    private double? CongestionProbability(string sensor) => roads.Roads.FirstOrDefault(r => r.SensorId == sensor)?.Probability;
}

/// <summary>The subjects a node of a cluster stepped at its last step: zones by id, and the groups of each family.</summary>
/// <param name="Zones">The zones' ids.</param>
/// <param name="Counters">The groups of counters the step evaluated (<see cref="FamilySteps"/>).</param>
/// <param name="Roads">The groups of roads the step evaluated.</param>
internal sealed record KeptSubjects(IReadOnlySet<string> Zones, SensorGroups Counters, SensorGroups Roads)
{
    /// <summary>Whether <paramref name="subject"/> (a zone id or a group's step of <see cref="FamilySteps"/>) was stepped.</summary>
    public bool Contains(string subject) =>
        FamilySteps.TryParse(subject, out var family, out var group)
            ? (family == ModelSubjects.Roads ? Roads : Counters).Contains(group)
            : Zones.Contains(subject);
}

using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Notifications;
using Surgewatch.Server.Silences;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// The server's side of Core's monitors: the <see cref="ZoneMonitor"/> and, once models with rules are deployed, the
/// counters' <see cref="SurgeMonitor"/> and the roads' <see cref="CongestionMonitor"/>. Steps them (the monitor loop),
/// applies operator actions, stores alert events, persists snapshots after every change (restored before the first
/// step, so a restart resumes Firing and acknowledged alerts; counter and road alerts are carried until their model is
/// deployed again) and writes planned notifications to the outbox through the <see cref="NotificationDispatcher"/>. One at a time. A zone
/// without data shows a single NoData alert (on <see cref="NoDataRule"/>), not one per rule; a counter or a road has
/// one alert, NoData included.
/// </summary>
/// <remarks>
/// On a node of a cluster (<see cref="IZoneOwnership"/> not holding everything) it steps the zones it is given (those
/// the node holds) and the counters and roads only while the node holds <see cref="IZoneOwnership.ModelsSubject"/>;
/// it restores a zone's snapshots from the store when it gains the zone, and writes only the snapshots of what it
/// holds, so that the nodes sharing one store never overwrite each other's zones.
/// </remarks>
internal sealed class AlertBook(
    IAlertStore store,
    IAlertSnapshotStore snapshots,
    SilenceBook silences,
    NotificationDispatcher dispatcher,
    IOptions<NotificationSettings> settings,
    Deployment.LiveDeployment deployment,
    Deployment.RoadDeployment roads,
    IZoneOwnership ownership,
    IOptions<Hosting.ServerOptions> server,
    TimeProvider clock)
{
    /// <summary>The rule whose alert stands for the whole zone while it has no data.</summary>
    public const string NoDataRule = "density-warning";

    private readonly ZoneMonitor _monitor = new(MonitorOptions.Default with { PendingFor = server.Value.ZonePendingFor });
    private readonly NotificationPolicy _policy = settings.Value.Policy();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly DeployedAlerts _counters = new(SurgeMonitor.RuleId, deployment.Sync, () => deployment.Monitor);
    private readonly DeployedAlerts _roads = new(CongestionMonitor.RuleId, roads.Sync, () => roads.Monitor);
    private bool _restored;
    private HashSet<string> _held = new(StringComparer.Ordinal);
    private bool _heldModels;

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
            foreach (var alert in AllAlerts())
            {
                if (alert.Status.State != AlertState.Inactive && Shown(alert.Status) && (!activeOnly || alert.Status.IsActive))
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
            foreach (var alert in AllAlerts())
            {
                if ((alert.Status.State != AlertState.Inactive || alsoInactive.Contains(alert.Key)) && Shown(alert.Status))
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
    /// Whether the monitors keep the alerts of <paramref name="subject"/> (a zone id or <see cref="IZoneOwnership.ModelsSubject"/>)
    /// now: always on a single node; on a node of a cluster, what it held at its last step (a subject it has just gained
    /// has its alerts restored at the next step).
    /// </summary>
    public bool Keeps(string subject) =>
        ownership.HoldsEverything || (subject == IZoneOwnership.ModelsSubject ? Volatile.Read(ref _heldModels) : Volatile.Read(ref _held).Contains(subject));

    /// <summary>One monitor step; returns the alerts that changed and every zone's status as Core's monitor gives it.</summary>
    public async Task<(IReadOnlyList<AlertDto> Changed, IReadOnlyList<ZoneStatus> Zones)> StepAsync(
        DateTimeOffset now,
        IReadOnlyList<Zone> zones,
        IReadOnlyDictionary<ZoneId, ZoneOccupancy> occupancies,
        IReadOnlyDictionary<ZoneId, IReadOnlyList<ForecastBound>> forecasts,
        CancellationToken cancellationToken)
    {
        var muting = await silences.ActiveAsync(cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await RestoreAsync(zones, cancellationToken);
            var step = _monitor.Step(now, zones, occupancies, forecasts, muting, _policy);
            var models = ownership.HoldsEverything || _heldModels;
            var (counterEvents, counterNotifications) = models ? _counters.Evaluate(now, muting, _policy) : ([], []);
            var (roadEvents, roadNotifications) = models ? _roads.Evaluate(now, muting, _policy) : ([], []);
            var events = step.Events.Concat(counterEvents).Concat(roadEvents).Where(e => Shown(e.RuleId, e.State)).ToList();
            var notifications = step.Notifications.Concat(counterNotifications).Concat(roadNotifications).Where(n => n.Kind != NotificationKind.NoData || Shown(n.RuleId, AlertState.NoData)).ToList();
            // Into the outbox before the ledgers that count them as told are saved: a node that dies in between plans
            // them again from the saved ledgers, with the same delivery ids, which the outbox does not take twice.
            await dispatcher.EnqueueAsync(notifications, cancellationToken);
            if (events.Count == 0 && notifications.Count == 0)
            {
                return ([], step.Zones);
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await SaveAsync(cancellationToken);
            return (Changed(events), step.Zones);
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
            if (Find(key) is not { } alert)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            now = now < alert.Status.Since ? alert.Status.Since : now;
            var result = Deployed(alert.Rule.Id) is { } deployed
                ? deployed.Act(key, actor, resolve, now)
                : resolve ? _monitor.Resolve(key, actor, now) : _monitor.Acknowledge(key, actor, now);
            var events = result.Events;
            if (note is not null && events.Count > 0)
            {
                events = [events[0] with { Note = $"{events[0].Note}: {note}" }, .. events.Skip(1)];
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await SaveAsync(cancellationToken);
            return ToDto(Find(key)!);
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
            foreach (var alert in AllAlerts())
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

    private async Task RestoreAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken)
    {
        if (!ownership.HoldsEverything)
        {
            await RestoreGainedAsync(zones, cancellationToken);
        }
        else if (!_restored)
        {
            var stored = await snapshots.LoadAlertSnapshotsAsync(cancellationToken);
            _monitor.Restore(stored);
            _counters.Carry(stored);
            _roads.Carry(stored);
            _restored = true;
        }
    }

    /// <summary>
    /// A node of a cluster: restores the stored snapshots of the zones in <paramref name="zones"/> it did not hold at
    /// the last step (those it lost were dropped by that step), and the counters' and roads' when it gains the models.
    /// </summary>
    private async Task RestoreGainedAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(zones.Select(z => z.Id.Value), StringComparer.Ordinal);
        var gained = new HashSet<string>(held.Where(z => !_held.Contains(z)), StringComparer.Ordinal);
        var models = ownership.Holds(IZoneOwnership.ModelsSubject);
        if (gained.Count > 0 || (models && !_heldModels))
        {
            var stored = await snapshots.LoadAlertSnapshotsAsync(cancellationToken);
            _monitor.Restore(stored.Where(s => gained.Contains(s.Status.Subject) && Deployed(s.Status.RuleId) is null));
            if (models && !_heldModels)
            {
                _counters.Carry(stored);
                _roads.Carry(stored);
            }
        }

        (_held, _heldModels) = (held, models);
    }

    /// <summary>Persists the snapshots: all of them on a single node; on a node of a cluster, those of what it holds, replacing only theirs.</summary>
    private Task SaveAsync(CancellationToken cancellationToken)
    {
        if (ownership.HoldsEverything)
        {
            return snapshots.ReplaceAlertSnapshotsAsync(Snapshot(), cancellationToken);
        }

        var list = new List<AlertSnapshot>(_monitor.Snapshot().Where(s => _held.Contains(s.Status.Subject)));
        var subjects = new HashSet<string>(_held, StringComparer.Ordinal);
        if (_heldModels)
        {
            foreach (var snapshot in _counters.Snapshot().Concat(_roads.Snapshot()))
            {
                list.Add(snapshot);
                subjects.Add(snapshot.Status.Subject);
            }
        }

        return snapshots.ReplaceAlertSnapshotsOfAsync(subjects, list, cancellationToken);
    }

    /// <summary>The deployed model's alerts of <paramref name="ruleId"/>, or null for a zone rule.</summary>
    private DeployedAlerts? Deployed(string ruleId) => ruleId == _counters.RuleId ? _counters : ruleId == _roads.RuleId ? _roads : null;

    /// <summary>Every alert's snapshot: the zones', the counters' and the roads' (from their monitors, or carried until one is deployed).</summary>
    private List<AlertSnapshot> Snapshot() => [.. _monitor.Snapshot(), .. _counters.Snapshot(), .. _roads.Snapshot()];

    private MonitoredAlert? Find(string key) => _monitor.Find(key) ?? _counters.Find(key) ?? _roads.Find(key);

    private List<MonitoredAlert> AllAlerts() => [.. _monitor.Alerts, .. _counters.Alerts(), .. _roads.Alerts()];

    private List<AlertDto> Changed(List<AlertEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<AlertDto>();
        foreach (var e in events)
        {
            if (seen.Add(e.AlertKey) && Find(e.AlertKey) is { } alert && Shown(alert.Status))
            {
                changed.Add(ToDto(alert));
            }
        }

        return changed;
    }

    private static bool Shown(AlertStatus status) => Shown(status.RuleId, status.State);

    private static bool Shown(string ruleId, AlertState state) => state != AlertState.NoData || ruleId is NoDataRule or SurgeMonitor.RuleId or CongestionMonitor.RuleId;

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

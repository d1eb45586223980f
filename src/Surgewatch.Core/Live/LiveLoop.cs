using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Live;

/// <summary>What one <see cref="LiveLoop.Step"/> takes besides the readings the loop holds (<see cref="LiveLoop.Readings"/>).</summary>
/// <param name="Now">The moment of the step (the server clock, the demo's and a replay's accelerated time too); steps come in time order.</param>
/// <param name="Site">The site's time zone: readings are labelled in its local time.</param>
/// <param name="Zones">The zones to step: every zone on one node, those the node holds in a cluster.</param>
/// <param name="StepOf">Each sensor's reporting step where known (an hourly counter stays fresh between two readings).</param>
/// <param name="ForecastOf">Each zone's forecast bounds over the next hour from the deployed model (empty before one).</param>
/// <param name="Silences">The silences in force.</param>
/// <param name="CounterGroups">
/// The groups of counters whose alerts the step evaluates (<see cref="SensorGroups"/>; null: all, as on one node): in a
/// cluster, those whose step the node holds and its deployed monitor covers (<see cref="LiveLoop.Steppable"/>).
/// </param>
/// <param name="RoadGroups">The groups of roads whose alerts the step evaluates: likewise.</param>
public sealed record LiveInput(
    DateTimeOffset Now,
    TimeZoneInfo Site,
    IReadOnlyList<Zone> Zones,
    Func<SensorId, TimeSpan?> StepOf,
    Func<ZoneId, IReadOnlyList<ForecastBound>> ForecastOf,
    IReadOnlyList<ISilence> Silences,
    SensorGroups? CounterGroups = null,
    SensorGroups? RoadGroups = null)
{
    /// <summary>The groups of counters the step evaluates.</summary>
    public SensorGroups Counters => CounterGroups ?? SensorGroups.All;

    /// <summary>The groups of roads the step evaluates.</summary>
    public SensorGroups Roads => RoadGroups ?? SensorGroups.All;
}

/// <summary>The output of one <see cref="LiveLoop.Step"/>: what a host persists and broadcasts, and nothing it recomputes.</summary>
/// <param name="Events">Alert transitions of the shown alerts (zones, counters, roads), to append to the alert history.</param>
/// <param name="Notifications">Notifications planned in this step, to put in the outbox.</param>
/// <param name="Zones">Each stepped zone's status (persons, density, flow, level, forecast and forecast level), in input order.</param>
/// <param name="Counters">Each counter's surge outlook (its probability of a surge within the horizon) from the deployed surge monitor; empty without one or when the step did not step sensors.</param>
/// <param name="Roads">Each road's congestion outlook from the deployed congestion monitor; empty likewise.</param>
public sealed record LiveStep(
    IReadOnlyList<AlertEvent> Events,
    IReadOnlyList<Notification> Notifications,
    IReadOnlyList<ZoneStatus> Zones,
    IReadOnlyList<CounterSurge> Counters,
    IReadOnlyList<RoadOutlook> Roads);

/// <summary>
/// Everything the <see cref="LiveLoop"/> carries from one step to the next that the readings alone do not give back:
/// each alert's status and ledger, each zone's line balance, and each zone's recent densities.
/// </summary>
/// <param name="Alerts">The alerts of zones, counters and roads.</param>
/// <param name="Balances">The zones' line balances.</param>
/// <param name="Densities">The zones' recent densities (the forecast rules' local trend).</param>
public sealed record LiveSnapshot(IReadOnlyList<AlertSnapshot> Alerts, IReadOnlyList<ZoneBalance> Balances, IReadOnlyList<ZoneDensities> Densities)
{
    /// <summary>No state: a loop's first start.</summary>
    public static LiveSnapshot Empty { get; } = new([], [], []);
}

/// <summary>
/// The live loop, one step at a time: readings (fed into <see cref="Readings"/> by every ingest) and a time go in;
/// each <see cref="Step"/> fuses every zone's occupancy (<see cref="LiveOccupancy"/>), runs the zone rules on the
/// observed and forecast density (<see cref="ZoneMonitor"/>), evaluates the deployed models' monitors (the counters'
/// <see cref="SurgeMonitor"/>, the roads' <see cref="CongestionMonitor"/>), and returns the alert transitions, the
/// planned notifications and every zone's status. Operators' acknowledgements and resolutions go through
/// <see cref="Act"/>. A host feeds it and persists and broadcasts what it returns; it recomputes nothing beside it.
/// </summary>
/// <remarks>
/// <para>Its state is a <see cref="LiveSnapshot"/>: <see cref="Snapshot"/> and <see cref="Restore(LiveSnapshot, DateTimeOffset)"/> carry it over a
/// restart, or from the node that held a zone to the one that takes it over; a step after a restore gives what the
/// step would have given without the break.</para>
/// <para>A zone without data shows one NoData alert (on <see cref="NoDataRule"/>), not one per rule; a counter or a
/// road has one alert, NoData included. The counters' and roads' monitors belong to their deployments, which replace
/// them when a model is deployed: their alerts are carried over as snapshots (see <see cref="IDeployedMonitor"/>).</para>
/// <para>Pure (no clock, no I/O) and not thread-safe: one loop steps it, and operator actions take the same lock as
/// the steps. Only <see cref="Readings"/> may be fed from other threads.</para>
/// </remarks>
public sealed class LiveLoop
{
    /// <summary>The rule whose alert stands for the whole zone while it has no data.</summary>
    public const string NoDataRule = "density-warning";

    private readonly ZoneMonitor _zones;
    private readonly LiveOccupancy _occupancy;
    private readonly DeployedAlerts _counters;
    private readonly DeployedAlerts _roads;
    private readonly NotificationPolicy _policy;
    private readonly HashSet<ZoneId> _stepped = [];
    private SensorGroups _steppedCounters;
    private SensorGroups _steppedRoads;

    /// <summary>A loop over <paramref name="readings"/>, with the deployed monitors of <paramref name="counters"/> and <paramref name="roads"/>.</summary>
    /// <param name="readings">The recent readings, fed by the ingests.</param>
    /// <param name="counters">The counters' deployment (surge monitor).</param>
    /// <param name="roads">The roads' deployment (congestion monitor).</param>
    /// <param name="policy">Who is told what, and how often.</param>
    /// <param name="options">The zone rules' options (<see cref="MonitorOptions.Default"/> when null).</param>
    /// <param name="fusion">The occupancy fusion's options (<see cref="FusionOptions.Default"/> when null).</param>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public LiveLoop(RecentReadings readings, IDeployedMonitor counters, IDeployedMonitor roads, NotificationPolicy policy, MonitorOptions? options = null, FusionOptions? fusion = null)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(roads);
        ArgumentNullException.ThrowIfNull(policy);
        Readings = readings;
        _zones = new ZoneMonitor(options);
        _occupancy = new LiveOccupancy(Kept, fusion);
        _counters = new DeployedAlerts(SurgeMonitor.RuleId, counters);
        _roads = new DeployedAlerts(CongestionMonitor.RuleId, roads);
        _policy = policy;
    }

    /// <summary>How far back the loop reads readings at most (what <see cref="RecentReadings"/> keeps).</summary>
    public static TimeSpan Kept { get; } = TimeSpan.FromSeconds(RecentReadings.KeepSeconds);

    /// <summary>The recent readings the steps read; every ingest adds to them.</summary>
    public RecentReadings Readings { get; }

    /// <summary>Every alert held, every state included (Inactive ones too): zones', counters' and roads'.</summary>
    public IReadOnlyList<MonitoredAlert> Alerts => [.. _zones.Alerts, .. _counters.Alerts(), .. _roads.Alerts()];

    /// <summary>The alert with key <paramref name="key"/>, or null.</summary>
    public MonitoredAlert? Find(string key) => _zones.Find(key) ?? _counters.Find(key) ?? _roads.Find(key);

    /// <summary>
    /// Whether an alert in <paramref name="status"/> is shown (listed, stored, broadcast): every alert except a zone
    /// rule's NoData, of which only the <see cref="NoDataRule"/> alert stands for the zone.
    /// </summary>
    public static bool Shown(AlertStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return Shown(status.RuleId, status.State);
    }

    /// <summary>Whether an alert of rule <paramref name="ruleId"/> in <paramref name="state"/> is shown.</summary>
    public static bool Shown(string ruleId, AlertState state) =>
        state != AlertState.NoData || ruleId is NoDataRule or SurgeMonitor.RuleId or CongestionMonitor.RuleId;

    /// <summary>
    /// The groups of counters and of roads a step may evaluate on a node that holds the steps of
    /// <paramref name="counters"/> and <paramref name="roads"/>: those its deployed monitors cover now (a monitor that
    /// has just been deployed for other groups has replayed only those), or all it holds while no monitor is deployed
    /// (their alerts are carried as stored). A host builds each step's <see cref="LiveInput"/> with them.
    /// </summary>
    public (SensorGroups Counters, SensorGroups Roads) Steppable(SensorGroups counters, SensorGroups roads) =>
        (_counters.Steppable(counters), _roads.Steppable(roads));

    /// <summary>
    /// What a step with <paramref name="input"/> would take over that the last step did not hold: its zones not stepped
    /// last time, and the groups of counters and of roads it gains. A host restores their saved state
    /// (<see cref="Restore(LiveSnapshot, IReadOnlySet{ZoneId}, SensorGroups, SensorGroups, DateTimeOffset)"/>) before the step, as after a restart (where everything is gained).
    /// </summary>
    public (IReadOnlySet<ZoneId> Zones, SensorGroups Counters, SensorGroups Roads) Gains(LiveInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var zones = new HashSet<ZoneId>();
        foreach (var zone in input.Zones)
        {
            if (!_stepped.Contains(zone.Id))
            {
                zones.Add(zone.Id);
            }
        }

        return (zones, input.Counters.Except(_steppedCounters), input.Roads.Except(_steppedRoads));
    }

    /// <summary>
    /// Takes saved state back: the alerts, line balances and densities of <paramref name="zones"/>, and the alerts of
    /// the counters of <paramref name="counters"/> and of the roads of <paramref name="roads"/> (carried until their
    /// model is deployed; the alerts of the other groups are kept as they are). The rest of
    /// <paramref name="saved"/> is ignored. A balance integrated longer ago than <see cref="Kept"/> (or after
    /// <paramref name="now"/>) is not taken: the crossings since then can no longer all be added.
    /// </summary>
    public void Restore(LiveSnapshot saved, IReadOnlySet<ZoneId> zones, SensorGroups counters, SensorGroups roads, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(zones);
        var names = new HashSet<string>(zones.Select(z => z.Value), StringComparer.Ordinal);
        _zones.Restore(saved.Alerts.Where(s => names.Contains(s.Status.Subject) && !IsSensorRule(s.Status.RuleId)));
        _zones.RestoreDensities(saved.Densities.Where(d => zones.Contains(d.Zone)));
        _occupancy.Restore([.. saved.Balances.Where(b => zones.Contains(b.Zone))], now);
        if (!counters.IsEmpty)
        {
            _counters.Carry(saved.Alerts, counters);
        }

        if (!roads.IsEmpty)
        {
            _roads.Carry(saved.Alerts, roads);
        }
    }

    /// <summary>Takes all of <paramref name="saved"/> back for the zones in it and the counters and roads: a restart of a single node.</summary>
    public void Restore(LiveSnapshot saved, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var zones = new HashSet<ZoneId>(saved.Balances.Select(b => b.Zone).Concat(saved.Densities.Select(d => d.Zone)));
        foreach (var alert in saved.Alerts)
        {
            if (!IsSensorRule(alert.Status.RuleId))
            {
                zones.Add(new ZoneId(alert.Status.Subject));
            }
        }

        Restore(saved, zones, SensorGroups.All, SensorGroups.All, now);
    }

    /// <summary>The whole state: every alert (counters' and roads' as carried while no model is deployed), balance and density.</summary>
    public LiveSnapshot Snapshot()
    {
        var (balances, densities) = ZoneState(heldOnly: false);
        return new(AlertSnapshots(), balances, densities);
    }

    /// <summary>
    /// The state of what the last step held (its zones; the counters and roads of the groups it stepped), and the
    /// subjects it covers: what a node of a cluster saves, replacing only those subjects' saved alerts.
    /// </summary>
    public (IReadOnlySet<string> Subjects, LiveSnapshot State) HeldSnapshot()
    {
        var subjects = new HashSet<string>(_stepped.Select(z => z.Value), StringComparer.Ordinal);
        var alerts = new List<AlertSnapshot>(_zones.Snapshot().Where(s => subjects.Contains(s.Status.Subject)));
        IEnumerable<AlertSnapshot> sensors =
            [.. _counters.Snapshot().Where(s => _steppedCounters.Covers(s.Status.Subject)), .. _roads.Snapshot().Where(s => _steppedRoads.Covers(s.Status.Subject))];
        foreach (var snapshot in sensors)
        {
            alerts.Add(snapshot);
            subjects.Add(snapshot.Status.Subject);
        }

        var (balances, densities) = ZoneState(heldOnly: true);
        return (subjects, new LiveSnapshot(alerts, balances, densities));
    }

    /// <summary>
    /// The zones' line balances and recent densities, ordered by zone id (what a host saves every minute of site time,
    /// and at stop): all of them, or with <paramref name="heldOnly"/> those of the zones the last step held.
    /// </summary>
    public (IReadOnlyList<ZoneBalance> Balances, IReadOnlyList<ZoneDensities> Densities) ZoneState(bool heldOnly) =>
        heldOnly
            ? ([.. _occupancy.Snapshot().Where(b => _stepped.Contains(b.Zone))], [.. _zones.Densities().Where(d => _stepped.Contains(d.Zone))])
            : (_occupancy.Snapshot(), _zones.Densities());

    /// <summary>One step at <paramref name="input"/>'s time.</summary>
    public LiveStep Step(LiveInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (now, zones) = (input.Now, input.Zones);
        var label = TimeLabel.FromInstant(now, input.Site);
        var occupancies = new Dictionary<ZoneId, ZoneOccupancy>(zones.Count);
        var bounds = new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(zones.Count);
        _stepped.Clear();
        foreach (var zone in zones)
        {
            _stepped.Add(zone.Id);
        }

        _occupancy.Keep(_stepped);
        foreach (var zone in zones)
        {
            var readings = Readings.Window(zone.Sources.Select(s => s.Sensor), label - _occupancy.LookBack(zone, now, input.StepOf), label, input.Site);
            occupancies[zone.Id] = _occupancy.Fuse(zone, readings, now, input.StepOf);
            bounds[zone.Id] = input.ForecastOf(zone.Id);
        }

        var step = _zones.Step(now, zones, occupancies, bounds, input.Silences, _policy);
        (_steppedCounters, _steppedRoads) = (input.Counters, input.Roads);
        var (counterEvents, counterNotifications) = !input.Counters.IsEmpty ? _counters.Evaluate(now, input.Silences, _policy, input.Counters) : ([], []);
        var (roadEvents, roadNotifications) = !input.Roads.IsEmpty ? _roads.Evaluate(now, input.Silences, _policy, input.Roads) : ([], []);
        var events = step.Events.Concat(counterEvents).Concat(roadEvents).Where(e => Shown(e.RuleId, e.State)).ToList();
        var notifications = step.Notifications.Concat(counterNotifications).Concat(roadNotifications)
            .Where(n => n.Kind != NotificationKind.NoData || Shown(n.RuleId, AlertState.NoData)).ToList();
        var counters = !input.Counters.IsEmpty ? _counters.Outlook(m => (m as SurgeMonitor)?.Latest) : null;
        var roads = !input.Roads.IsEmpty ? _roads.Outlook(m => (m as CongestionMonitor)?.Latest) : null;
        return new LiveStep(events, notifications, step.Zones, Of(counters, input.Counters, c => c.Sensor), Of(roads, input.Roads, r => r.Sensor));
    }

    /// <summary>
    /// Acknowledges (or, with <paramref name="resolve"/>, resolves by hand) alert <paramref name="key"/> for
    /// <paramref name="actor"/> at <paramref name="now"/> (never before the alert's last change).
    /// </summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    /// <exception cref="InvalidOperationException">The alert has no open episode.</exception>
    public AlertEvaluation Act(string key, string actor, bool resolve, DateTimeOffset now)
    {
        var alert = Find(key) ?? throw new UnknownAlertException(key);
        now = now < alert.Status.Since ? alert.Status.Since : now;
        return DeployedOf(alert.Rule.Id) is { } deployed
            ? deployed.Act(key, actor, resolve, now)
            : resolve ? _zones.Resolve(key, actor, now) : _zones.Acknowledge(key, actor, now);
    }

    /// <summary>The outlooks of the sensors of <paramref name="groups"/> (the list as it is for every group).</summary>
    private static IReadOnlyList<T> Of<T>(IReadOnlyList<T>? outlooks, SensorGroups groups, Func<T, SensorId> sensor) =>
        outlooks is null ? [] : groups.IsAll ? outlooks : [.. outlooks.Where(o => groups.Covers(sensor(o)))];

    private static bool IsSensorRule(string ruleId) => ruleId is SurgeMonitor.RuleId or CongestionMonitor.RuleId;

    private DeployedAlerts? DeployedOf(string ruleId) => ruleId == _counters.RuleId ? _counters : ruleId == _roads.RuleId ? _roads : null;

    private List<AlertSnapshot> AlertSnapshots() => [.. _zones.Snapshot(), .. _counters.Snapshot(), .. _roads.Snapshot()];
}

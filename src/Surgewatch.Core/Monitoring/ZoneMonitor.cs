using Surgewatch.Core.Alerting;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// Watches every zone: each <see cref="Step"/> evaluates the zone's default rules (<see cref="ZoneRules"/>) on its fused
/// estimate and forecast with <see cref="AlertEvaluator"/>, plans notifications with <see cref="NotificationPlanner"/>
/// (an alert that a worse one of the same zone inhibits, see <see cref="Inhibition"/>, tells no one), and
/// reports each zone's level. Density history is kept per <see cref="MonitorOptions.Step"/>-long slot of time, so steps may
/// come at any rate (several a minute, right after each ingest): the latest value of a slot stands and missed slots are gaps. Pure (no clock, no I/O) but stateful: it holds each alert's status and ledger and each
/// zone's recent density. Not thread-safe: call it from one loop (the server's hosted service), or lock around it.
/// </summary>
/// <remarks>
/// Forecast rules take the higher of (a) the 90% upper bound of a <see cref="Forecasting.LocalTrend"/> fitted to the zone's last
/// <see cref="MonitorOptions.TrendWindow"/> of densities and (b) the highest <see cref="ForecastBound.Upper90"/> of the
/// given forecast within the rule's horizon. A zone without a fresh source is NoData for every rule, forecast rules
/// too. Alerts of zones or rules that disappear are dropped. After a restart, <see cref="Restore"/> the last
/// <see cref="Snapshot"/> before the first step.
/// </remarks>
public sealed class ZoneMonitor
{
    private readonly MonitorOptions _options;
    private readonly int _historyLength;
    private readonly TimeSpan _lookAhead;
    private readonly AlertTrack _alerts = new();
    private readonly Dictionary<ZoneId, ZoneWatch> _watches = [];
    private readonly List<(AlertRule Rule, AlertStatus Status)> _subjectAlerts = [];

    /// <summary>Creates a monitor with <paramref name="options"/> (<see cref="MonitorOptions.Default"/> when null).</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public ZoneMonitor(MonitorOptions? options = null)
    {
        _options = (options ?? MonitorOptions.Default).Validated();
        _historyLength = Math.Max(1, (int)(_options.TrendWindow / _options.Step));
        _lookAhead = _options.LookAhead;
    }

    /// <summary>The alerts held after the last step, every state included (Inactive ones too).</summary>
    public IReadOnlyCollection<MonitoredAlert> Alerts => _alerts.Alerts;

    /// <summary>The alert with <paramref name="key"/>, or null.</summary>
    public MonitoredAlert? Find(string key) => _alerts.Find(key);

    /// <summary>Every alert's status and ledger, to persist after each step.</summary>
    public IReadOnlyList<AlertSnapshot> Snapshot() => _alerts.Snapshot();

    /// <summary>Resumes from persisted snapshots: the next step continues each alert from its stored status and ledger.</summary>
    public void Restore(IEnumerable<AlertSnapshot> snapshots) => _alerts.Restore(snapshots);

    /// <summary>Each zone's recent densities (what its forecast rules' local trend is fitted to), ordered by zone id.</summary>
    public IReadOnlyList<ZoneDensities> Densities()
    {
        var list = new List<ZoneDensities>(_watches.Count);
        foreach (var (zone, watch) in _watches)
        {
            if (watch.History.Snapshot(zone) is { } densities)
            {
                list.Add(densities);
            }
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Zone.Value, b.Zone.Value));
        return list;
    }

    /// <summary>Takes saved densities back, each replacing what its zone holds; the next step continues each zone's trend from them.</summary>
    public void RestoreDensities(IEnumerable<ZoneDensities> densities)
    {
        ArgumentNullException.ThrowIfNull(densities);
        foreach (var saved in densities)
        {
            WatchOf(saved.Zone).History.Restore(saved);
        }
    }

    /// <summary>Evaluates every zone at <paramref name="now"/>.</summary>
    /// <param name="now">The moment of this step; steps must come in time order.</param>
    /// <param name="zones">The zones to watch.</param>
    /// <param name="occupancies">Each zone's fused estimate at <paramref name="now"/>; a zone without one is NoData.</param>
    /// <param name="forecasts">Optional per-zone forecasts (90% upper density bounds over the next hour); may be empty.</param>
    /// <param name="silences">Silences in force, added to the policy's own.</param>
    /// <param name="policy">Who to tell and how often.</param>
    public MonitorStep Step(
        DateTimeOffset now,
        IReadOnlyList<Zone> zones,
        IReadOnlyDictionary<ZoneId, ZoneOccupancy> occupancies,
        IReadOnlyDictionary<ZoneId, IReadOnlyList<ForecastBound>> forecasts,
        IReadOnlyList<ISilence> silences,
        NotificationPolicy policy)
    {
        var effective = policy with { Silences = [.. policy.Silences, .. silences] };
        var events = new List<AlertEvent>();
        var notifications = new List<Notification>();
        var statuses = new List<ZoneStatus>(zones.Count);
        _alerts.BeginStep();
        for (var z = 0; z < zones.Count; z++)
        {
            var zone = zones[z];
            var occupancy = occupancies.GetValueOrDefault(zone.Id);
            var watch = Remember(zone, occupancy, now);
            var forecast = forecasts.GetValueOrDefault(zone.Id);
            var rules = watch.Rules;
            _subjectAlerts.Clear();
            for (var i = 0; i < rules.Count; i++)
            {
                var sample = ZoneInputs.Sample(rules[i], occupancy, watch.History.Values, forecast, now, _options.Step);
                var status = _alerts.Advance(watch.Keys[i], zone.Id.Value, rules[i].Rule, sample, now, events);
                _subjectAlerts.Add((rules[i].Rule, status));
            }

            // Planned once every rule of the zone has advanced, so a rule inhibits the others from the step it fires in.
            for (var i = 0; i < rules.Count; i++)
            {
                var inhibitor = Inhibition.InhibitorOf(rules[i].Rule, zone.Id.Value, _subjectAlerts);
                _alerts.Plan(watch.Keys[i], effective, now, inhibitor, notifications);
            }

            statuses.Add(StatusOf(zone, watch.LookAhead, occupancy, watch.History.Values, forecast, now));
        }

        _alerts.EndStep();
        ForgetOthers(zones);
        return new MonitorStep(events, notifications, statuses);
    }

    /// <summary>Records that <paramref name="actor"/> acknowledged alert <paramref name="key"/>: it stops escalating.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    /// <exception cref="InvalidOperationException">The alert has no open episode.</exception>
    public AlertEvaluation Acknowledge(string key, string actor, DateTimeOffset now) =>
        _alerts.Apply(key, status => AlertEvaluator.Acknowledge(status, actor, now));

    /// <summary>Resolves alert <paramref name="key"/> by hand; contacts told of it hear the all-clear at the next step.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    /// <exception cref="InvalidOperationException">The alert has no open episode.</exception>
    public AlertEvaluation Resolve(string key, string actor, DateTimeOffset now) =>
        _alerts.Apply(key, status => AlertEvaluator.ResolveByOperator(status, actor, now));

    /// <summary>The zone's watch, with <paramref name="occupancy"/>'s density added to its history and its rules following the zone's levels and width.</summary>
    private ZoneWatch Remember(Zone zone, ZoneOccupancy? occupancy, DateTimeOffset now)
    {
        var watch = WatchOf(zone.Id);
        watch.History.Add(now, occupancy is { NoData: false, HasPersons: true } ? occupancy.Density : double.NaN);
        watch.Follow(zone, _options, _lookAhead);
        return watch;
    }

    /// <summary>Drops the watches of zones no longer given (deleted, or handed to another node), as their alerts are dropped.</summary>
    private void ForgetOthers(IReadOnlyList<Zone> zones)
    {
        if (_watches.Count <= zones.Count)
        {
            return;
        }

        var given = new HashSet<ZoneId>(zones.Count);
        foreach (var zone in zones)
        {
            given.Add(zone.Id);
        }

        foreach (var zone in _watches.Keys.Where(z => !given.Contains(z)).ToList())
        {
            _watches.Remove(zone);
        }
    }

    private ZoneWatch WatchOf(ZoneId zone)
    {
        if (!_watches.TryGetValue(zone, out var watch))
        {
            watch = new ZoneWatch(new DensityHistory(_historyLength, _options.Step));
            _watches[zone] = watch;
        }

        return watch;
    }

    private ZoneStatus StatusOf(Zone zone, ZoneRule? lookAhead, ZoneOccupancy? occupancy, ReadOnlySpan<double> history, IReadOnlyList<ForecastBound>? forecast, DateTimeOffset now)
    {
        var level = ZoneInputs.Observed(zone, occupancy);
        var estimate = occupancy ?? NoEstimate(zone, now);
        if (lookAhead is null)
        {
            return new ZoneStatus(zone.Id, now, estimate, level, level, null);
        }

        var upper = ZoneInputs.Sample(lookAhead, occupancy, history, forecast, now, _options.Step).Value;
        var forecastLevel = upper is { } u ? ZoneLevelLadder.Of(zone.Levels, ZoneMeasure.Density, u) : ZoneLevel.NoData;
        return new ZoneStatus(zone.Id, now, estimate, level, forecastLevel, upper);
    }

    private static ZoneOccupancy NoEstimate(Zone zone, DateTimeOffset now)
    {
        var sources = new List<SourceFreshness>(zone.Sources.Count);
        foreach (var source in zone.Sources)
        {
            sources.Add(new SourceFreshness(source.Sensor, source.Role, null, true));
        }

        return new ZoneOccupancy(zone.Id, now, double.NaN, double.NaN, null, 0, false, true, sources);
    }
}

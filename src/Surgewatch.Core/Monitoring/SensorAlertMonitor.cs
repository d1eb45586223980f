using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// A monitor with one alert per sensor under one rule, as a host drives it: the counters' surge monitor and the roads'
/// congestion monitor. Each issue decides its sensors; the host then evaluates the alerts, persists their snapshots,
/// restores them when a model is deployed again, and applies operators' acknowledgements and resolutions. A monitor
/// covers some of its rule's sensors (<see cref="Covers"/>: in a cluster, the groups whose step its node holds): it
/// forecasts and warns about those alone, and holds alerts of those alone.
/// </summary>
public abstract class SensorAlertMonitor
{
    private readonly SubjectAlerts _alerts;
    private readonly int[] _groups;
    private readonly bool[] _covered;

    /// <summary>
    /// Alerts of rule <paramref name="ruleId"/> for those of <paramref name="sensors"/> in <paramref name="covers"/>,
    /// whose readings come every <paramref name="step"/>.
    /// </summary>
    private protected SensorAlertMonitor(string ruleId, IReadOnlyList<SensorId> sensors, TimeSpan step, SensorGroups covers)
    {
        AlertRuleId = ruleId;
        Covers = covers;
        _alerts = new SubjectAlerts(ruleId, sensors, step);
        _groups = [.. sensors.Select(SensorGroups.Of)];
        _covered = [.. _groups.Select(covers.Contains)];
    }

    /// <summary>The groups of sensors this monitor forecasts and warns about (<see cref="SensorGroups.All"/> on a single node).</summary>
    public SensorGroups Covers { get; }

    /// <summary>The id of the rule its alerts are of.</summary>
    public string AlertRuleId { get; }

    /// <summary>The alerts held after the last evaluation, every state included.</summary>
    public IReadOnlyCollection<MonitoredAlert> Alerts => _alerts.Alerts;

    /// <summary>The alert with key <paramref name="key"/>, or null.</summary>
    public MonitoredAlert? Find(string key) => _alerts.Find(key);

    /// <summary>Every alert's status and ledger, to persist after each evaluation.</summary>
    public IReadOnlyList<AlertSnapshot> Snapshot() => _alerts.Snapshot();

    /// <summary>Resumes the alerts from persisted snapshots (those of other rules never match a key, and are ignored).</summary>
    public void Restore(IEnumerable<AlertSnapshot> snapshots) => _alerts.Restore(snapshots);

    /// <summary>
    /// Runs the alert lifecycle at <paramref name="now"/> on the latest issue: a sensor's alert fires while the rule
    /// warns, resolves when it no longer does, and is NoData while the sensor does not report. Only the sensors of
    /// <paramref name="groups"/> (all when null) that the monitor covers are evaluated; the alerts of the others are let go.
    /// </summary>
    public (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) Evaluate(
        DateTimeOffset now, IReadOnlyList<ISilence> silences, NotificationPolicy policy, SensorGroups? groups = null) =>
        _alerts.Step(r => _covered[r] && (groups is not { } only || only.Contains(_groups[r])) ? Sample(r) : null, now, silences, policy);

    /// <summary>Records that <paramref name="actor"/> acknowledged alert <paramref name="key"/>.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    public AlertEvaluation Acknowledge(string key, string actor, DateTimeOffset now) => _alerts.Acknowledge(key, actor, now);

    /// <summary>Resolves alert <paramref name="key"/> by hand.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    public AlertEvaluation Resolve(string key, string actor, DateTimeOffset now) => _alerts.Resolve(key, actor, now);

    /// <summary>
    /// Sensor <paramref name="sensor"/>'s (index into the rule's sensors) alert sample from the latest issue
    /// (<see cref="SubjectAlerts.Sample"/>); null for one the rule does not warn about.
    /// </summary>
    private protected abstract AlertSample? Sample(int sensor);

    /// <summary>Whether sensor <paramref name="sensor"/> (index into the rule's sensors) is one this monitor covers.</summary>
    private protected bool IsCovered(int sensor) => _covered[sensor];

    /// <summary>A per-sensor array of <paramref name="count"/> slots, each <paramref name="value"/> (the monitors' "never" marks).</summary>
    private protected static long[] Filled(int count, long value)
    {
        var array = new long[count];
        Array.Fill(array, value);
        return array;
    }
}

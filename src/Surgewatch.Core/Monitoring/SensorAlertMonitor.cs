using Surgewatch.Core.Alerting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// A monitor with one alert per sensor under one rule, as a host drives it: the counters' surge monitor and the roads'
/// congestion monitor. Each issue decides its sensors; the host then evaluates the alerts, persists their snapshots,
/// restores them when a model is deployed again, and applies operators' acknowledgements and resolutions.
/// </summary>
public abstract class SensorAlertMonitor
{
    private readonly SubjectAlerts _alerts;

    /// <summary>Alerts of rule <paramref name="ruleId"/> for <paramref name="sensors"/>, whose readings come every <paramref name="step"/>.</summary>
    private protected SensorAlertMonitor(string ruleId, IReadOnlyList<SensorId> sensors, TimeSpan step)
    {
        AlertRuleId = ruleId;
        _alerts = new SubjectAlerts(ruleId, sensors, step);
    }

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
    /// warns, resolves when it no longer does, and is NoData while the sensor does not report.
    /// </summary>
    public (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) Evaluate(DateTimeOffset now, IReadOnlyList<ISilence> silences, NotificationPolicy policy) =>
        _alerts.Step(Sample, now, silences, policy);

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

    /// <summary>A per-sensor array of <paramref name="count"/> slots, each <paramref name="value"/> (the monitors' "never" marks).</summary>
    private protected static long[] Filled(int count, long value)
    {
        var array = new long[count];
        Array.Fill(array, value);
        return array;
    }
}

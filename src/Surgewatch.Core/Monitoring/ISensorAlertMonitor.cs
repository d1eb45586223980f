using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// A monitor with one alert per sensor under one rule, as a host drives it: the counters' surge monitor and the roads'
/// congestion monitor. The host evaluates it after each issue, persists its snapshots, restores them when it is
/// deployed again, and applies operators' acknowledgements and resolutions to it.
/// </summary>
public interface ISensorAlertMonitor
{
    /// <summary>The id of the rule its alerts are of.</summary>
    string AlertRuleId { get; }

    /// <summary>The alerts held after the last evaluation, every state included.</summary>
    IReadOnlyCollection<MonitoredAlert> Alerts { get; }

    /// <summary>The alert with key <paramref name="key"/>, or null.</summary>
    MonitoredAlert? Find(string key);

    /// <summary>Every alert's status and ledger, to persist after each evaluation.</summary>
    IReadOnlyList<AlertSnapshot> Snapshot();

    /// <summary>Resumes the alerts from persisted snapshots (those of other rules are ignored).</summary>
    void Restore(IEnumerable<AlertSnapshot> snapshots);

    /// <summary>Runs the alert lifecycle at <paramref name="now"/> on the latest issue.</summary>
    (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) Evaluate(DateTimeOffset now, IReadOnlyList<ISilence> silences, NotificationPolicy policy);

    /// <summary>Records that <paramref name="actor"/> acknowledged alert <paramref name="key"/>.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    AlertEvaluation Acknowledge(string key, string actor, DateTimeOffset now);

    /// <summary>Resolves alert <paramref name="key"/> by hand.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    AlertEvaluation Resolve(string key, string actor, DateTimeOffset now);
}

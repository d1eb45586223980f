using Surgewatch.Core.Alerting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// One alert per subject (a counter, a road) under one observed warning rule: the alerts of the counters' surge monitor
/// and of the roads' congestion monitor. The rule fires at once on a warned sample, resolves at once when the warning
/// ends, and is NoData after two steps and ten minutes without a reading. Keys are built once.
/// </summary>
internal sealed class SubjectAlerts
{
    private readonly AlertTrack _track = new();
    private readonly AlertRule _rule;
    private readonly string[] _keys;
    private readonly string[] _subjects;

    /// <summary>Alerts of rule <paramref name="ruleId"/> for <paramref name="subjects"/>, whose readings come every <paramref name="step"/>.</summary>
    public SubjectAlerts(string ruleId, IReadOnlyList<SensorId> subjects, TimeSpan step)
    {
        _subjects = [.. subjects.Select(s => s.Value)];
        _keys = [.. _subjects.Select(s => AlertStatus.KeyOf(ruleId, s))];
        var grace = step + step + TimeSpan.FromMinutes(10);
        _rule = new AlertRule(ruleId, Severity.Warning, AlertSource.Observed, 1, 1, TimeSpan.Zero, TimeSpan.Zero, grace, TimeSpan.Zero).Validated();
    }

    public IReadOnlyCollection<MonitoredAlert> Alerts => _track.Alerts;

    public MonitoredAlert? Find(string key) => _track.Find(key);

    public IReadOnlyList<AlertSnapshot> Snapshot() => _track.Snapshot();

    public void Restore(IEnumerable<AlertSnapshot> snapshots) => _track.Restore(snapshots);

    /// <summary>A subject's sample: none when it is not monitored, NoData when it is not fresh, else 1 when warned and 0 when not.</summary>
    public static AlertSample? Sample(bool monitored, bool fresh, bool warned) =>
        !monitored ? null : fresh ? AlertSample.Of(warned ? 1 : 0) : AlertSample.NoData;

    /// <summary>
    /// One step: every subject that <paramref name="sampleOf"/> gives a sample (null: not monitored) is evaluated at
    /// <paramref name="now"/> under <paramref name="policy"/> with <paramref name="silences"/> added; the others' alerts are dropped.
    /// </summary>
    public (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) Step(
        Func<int, AlertSample?> sampleOf, DateTimeOffset now, IReadOnlyList<ISilence> silences, NotificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(silences);
        ArgumentNullException.ThrowIfNull(policy);
        var effective = policy with { Silences = [.. policy.Silences, .. silences] };
        var events = new List<AlertEvent>();
        var notifications = new List<Notification>();
        _track.BeginStep();
        for (var i = 0; i < _keys.Length; i++)
        {
            if (sampleOf(i) is { } sample)
            {
                _track.Evaluate(_keys[i], _subjects[i], _rule, sample, effective, now, events, notifications);
            }
        }

        _track.EndStep();
        return (events, notifications);
    }

    /// <summary>Records that <paramref name="actor"/> acknowledged alert <paramref name="key"/>.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    public AlertEvaluation Acknowledge(string key, string actor, DateTimeOffset now) =>
        _track.Apply(key, status => AlertEvaluator.Acknowledge(status, actor, now));

    /// <summary>Resolves alert <paramref name="key"/> by hand.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    public AlertEvaluation Resolve(string key, string actor, DateTimeOffset now) =>
        _track.Apply(key, status => AlertEvaluator.ResolveByOperator(status, actor, now));
}

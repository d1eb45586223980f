using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// The alerts one monitor holds, keyed <c>ruleId/subject</c>: evaluates a rule's sample through the lifecycle
/// (<see cref="AlertEvaluator"/>), plans notifications (<see cref="NotificationPlanner"/>), applies operator actions,
/// snapshots and restores. Shared by the zone and the counter monitors, so that both run the one lifecycle.
/// </summary>
internal sealed class AlertTrack
{
    private readonly Dictionary<string, MonitoredAlert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertSnapshot> _restored = new(StringComparer.Ordinal);

    public IReadOnlyCollection<MonitoredAlert> Alerts => _alerts.Values;

    public MonitoredAlert? Find(string key) => _alerts.GetValueOrDefault(key);

    public IReadOnlyList<AlertSnapshot> Snapshot()
    {
        var list = new List<AlertSnapshot>(_alerts.Count);
        foreach (var alert in _alerts.Values)
        {
            list.Add(new AlertSnapshot(alert.Status, alert.Ledger));
        }

        return list;
    }

    public void Restore(IEnumerable<AlertSnapshot> snapshots)
    {
        foreach (var snapshot in snapshots)
        {
            _restored[snapshot.Status.Key] = snapshot;
        }
    }

    /// <summary>Evaluates <paramref name="rule"/> on <paramref name="subject"/>; returns the alert's key.</summary>
    public string Evaluate(string subject, AlertRule rule, AlertSample sample, NotificationPolicy policy, DateTimeOffset now, List<AlertEvent> events, List<Notification> notifications)
    {
        var key = AlertStatus.KeyOf(rule.Id, subject);
        var (status, ledger) = Current(key, rule.Id, subject, now);
        var evaluation = AlertEvaluator.Evaluate(rule, status, sample, now);
        var plan = NotificationPlanner.Plan(policy, evaluation.Status, ledger, now);
        events.AddRange(evaluation.Events);
        notifications.AddRange(plan.Notifications);
        _alerts[key] = new MonitoredAlert(subject, rule, evaluation.Status, plan.Ledger, policy.Mutes(evaluation.Status, now));
        return key;
    }

    /// <summary>Applies an operator action to alert <paramref name="key"/>.</summary>
    /// <exception cref="UnknownAlertException">No alert has that key.</exception>
    public AlertEvaluation Apply(string key, Func<AlertStatus, AlertEvaluation> action)
    {
        var alert = _alerts.GetValueOrDefault(key) ?? throw new UnknownAlertException(key);
        var evaluation = action(alert.Status);
        _alerts[key] = alert with { Status = evaluation.Status };
        return evaluation;
    }

    /// <summary>Drops the alerts whose keys are not in <paramref name="live"/> (their zone, counter or rule is gone).</summary>
    public void Forget(HashSet<string> live)
    {
        List<string>? gone = null;
        foreach (var key in _alerts.Keys)
        {
            if (!live.Contains(key))
            {
                (gone ??= []).Add(key);
            }
        }

        gone?.ForEach(key => _alerts.Remove(key));
    }

    private (AlertStatus Status, NotificationLedger Ledger) Current(string key, string ruleId, string subject, DateTimeOffset now)
    {
        if (_alerts.TryGetValue(key, out var alert))
        {
            return (alert.Status, alert.Ledger);
        }

        if (_restored.Remove(key, out var snapshot) && snapshot.Status.Since <= now && snapshot.Status.LastSeenAt <= now)
        {
            return (snapshot.Status, snapshot.Ledger);
        }

        return (AlertStatus.New(ruleId, subject, now), NotificationLedger.Empty);
    }
}

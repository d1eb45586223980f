using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Monitoring;

/// <summary>
/// The alerts one monitor holds, keyed <c>ruleId/subject</c>: evaluates a rule's sample through the lifecycle
/// (<see cref="AlertEvaluator"/>), plans notifications (<see cref="NotificationPlanner"/>), applies operator actions,
/// snapshots and restores. Shared by the zone and the counter monitors, so that both run the one lifecycle.
/// </summary>
/// <remarks>
/// A step is <see cref="BeginStep"/>, one <see cref="Evaluate"/> per live alert, <see cref="EndStep"/>. It runs every second
/// for every zone rule and counter, so callers pass each alert's key built once (the same string instance each step
/// makes every lookup a reference comparison), and the set of live keys is kept and cleared rather than rebuilt.
/// </remarks>
internal sealed class AlertTrack
{
    private readonly Dictionary<string, MonitoredAlert> _alerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertSnapshot> _restored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _live = new(StringComparer.Ordinal);

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

    /// <summary>Starts a step: the alerts not evaluated before <see cref="EndStep"/> are dropped then.</summary>
    public void BeginStep() => _live.Clear();

    /// <summary>
    /// Evaluates <paramref name="rule"/> on <paramref name="subject"/>, the alert <paramref name="key"/>, which must be
    /// <see cref="AlertStatus.KeyOf"/>(rule id, subject); pass the same string every step. Then plans its notifications,
    /// with nothing inhibiting it (a subject with one alert).
    /// </summary>
    public void Evaluate(string key, string subject, AlertRule rule, AlertSample sample, NotificationPolicy policy, DateTimeOffset now, List<AlertEvent> events, List<Notification> notifications)
    {
        Advance(key, subject, rule, sample, now, events);
        Plan(key, policy, now, null, notifications);
    }

    /// <summary>
    /// The first half of <see cref="Evaluate"/>: moves the alert through its lifecycle and returns its new status. Call
    /// <see cref="Plan"/> for it in the same step, once every alert of its subject has advanced (inhibition reads them).
    /// </summary>
    public AlertStatus Advance(string key, string subject, AlertRule rule, AlertSample sample, DateTimeOffset now, List<AlertEvent> events)
    {
        var (status, ledger, alert) = Current(key, rule.Id, subject, now);
        var evaluation = AlertEvaluator.Evaluate(rule, status, sample, now);
        AddAll(events, evaluation.Events);
        _alerts[key] = alert is not null && ReferenceEquals(alert.Rule, rule)
            ? alert with { Status = evaluation.Status }
            : new MonitoredAlert(subject, rule, evaluation.Status, ledger, false);
        _live.Add(key);
        return evaluation.Status;
    }

    /// <summary>
    /// The second half of <see cref="Evaluate"/>: plans the notifications of alert <paramref name="key"/> (advanced in this
    /// step). A silence or an inhibiting alert (<paramref name="inhibitedBy"/>, see <see cref="Inhibition"/>) holds them back.
    /// </summary>
    public void Plan(string key, NotificationPolicy policy, DateTimeOffset now, string? inhibitedBy, List<Notification> notifications)
    {
        var alert = _alerts[key];
        var muted = policy.Mutes(alert.Status, now);
        var plan = NotificationPlanner.Plan(policy, alert.Status, alert.Ledger, now, muted || inhibitedBy is not null);
        AddAll(notifications, plan.Notifications);
        if (!ReferenceEquals(plan.Ledger, alert.Ledger) || muted != alert.Silenced || !string.Equals(inhibitedBy, alert.InhibitedBy, StringComparison.Ordinal))
        {
            _alerts[key] = alert with { Ledger = plan.Ledger, Silenced = muted, InhibitedBy = inhibitedBy };
        }
    }

    /// <summary>Ends a step: drops the alerts not evaluated since <see cref="BeginStep"/> (their zone, counter or rule is gone).</summary>
    public void EndStep()
    {
        // Every live key is held, so when the counts agree nothing is gone (the usual step).
        if (_live.Count == _alerts.Count)
        {
            return;
        }

        List<string>? gone = null;
        foreach (var key in _alerts.Keys)
        {
            if (!_live.Contains(key))
            {
                (gone ??= []).Add(key);
            }
        }

        gone?.ForEach(key => _alerts.Remove(key));
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

    private (AlertStatus Status, NotificationLedger Ledger, MonitoredAlert? Alert) Current(string key, string ruleId, string subject, DateTimeOffset now)
    {
        if (_alerts.TryGetValue(key, out var alert))
        {
            return (alert.Status, alert.Ledger, alert);
        }

        if (_restored.Remove(key, out var snapshot) && snapshot.Status.Since <= now && snapshot.Status.LastSeenAt <= now)
        {
            return (snapshot.Status, snapshot.Ledger, null);
        }

        return (AlertStatus.New(ruleId, subject, now), NotificationLedger.Empty, null);
    }

    private static void AddAll<T>(List<T> list, IReadOnlyList<T> items)
    {
        if (items.Count > 0)
        {
            list.AddRange(items);
        }
    }
}

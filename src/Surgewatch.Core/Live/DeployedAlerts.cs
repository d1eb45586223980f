using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Live;

/// <summary>
/// The alerts of one deployed model's monitor (the counters' surge rule, the roads' congestion rule) as the
/// <see cref="LiveLoop"/> holds them: evaluated under the deployment's lock, carried as stored snapshots while no
/// model is deployed, and handed to the next monitor when a new model is deployed.
/// </summary>
/// <param name="ruleId">The rule of the monitor's alerts.</param>
/// <param name="deployed">The deployment whose monitor this follows.</param>
internal sealed class DeployedAlerts(string ruleId, IDeployedMonitor deployed)
{
    private readonly object _sync = deployed.Sync;
    private SensorAlertMonitor? _monitor;
    private IReadOnlyList<AlertSnapshot> _carried = [];

    /// <summary>The rule of these alerts.</summary>
    public string RuleId => ruleId;

    /// <summary>
    /// Takes the stored snapshots of this rule's alerts of the sensors of <paramref name="gained"/> and keeps them, with
    /// the alerts of the other groups as they are, until a monitor takes them: the next <see cref="Evaluate"/> hands
    /// them to the deployed monitor, even one that evaluated before (a node of a cluster that gets a group back takes
    /// what the node that held it meanwhile stored, not what it had itself).
    /// </summary>
    public void Carry(IEnumerable<AlertSnapshot> stored, SensorGroups gained)
    {
        lock (_sync)
        {
            var own = (_monitor?.Snapshot() ?? _carried).Where(s => !gained.Covers(s.Status.Subject));
            _carried = [.. own, .. stored.Where(s => s.Status.RuleId == ruleId && gained.Covers(s.Status.Subject))];
            _monitor = null;
        }
    }

    /// <summary>
    /// Of <paramref name="held"/>, the groups the deployed monitor covers, or all of them while no monitor is deployed
    /// (see <see cref="LiveLoop.Steppable"/>).
    /// </summary>
    public SensorGroups Steppable(SensorGroups held)
    {
        lock (_sync)
        {
            return deployed.Current is { } monitor ? held.Intersect(monitor.Covers) : held;
        }
    }

    /// <summary>
    /// Evaluates the deployed monitor for the sensors of <paramref name="groups"/> (the others' alerts are let go); a
    /// newly deployed monitor first takes the carried snapshots.
    /// </summary>
    public (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) Evaluate(
        DateTimeOffset now, IReadOnlyList<ISilence> silences, NotificationPolicy policy, SensorGroups groups)
    {
        lock (_sync)
        {
            var monitor = deployed.Current;
            if (!ReferenceEquals(monitor, _monitor))
            {
                if (_monitor is not null)
                {
                    _carried = _monitor.Snapshot();
                }

                monitor?.Restore(_carried);
                _monitor = monitor;
            }

            return monitor?.Evaluate(now, silences, policy, groups) ?? ([], []);
        }
    }

    /// <summary>What <paramref name="read"/> reads from the deployed monitor under the deployment's lock (null without one).</summary>
    public T? Outlook<T>(Func<SensorAlertMonitor, T?> read)
        where T : class
    {
        lock (_sync)
        {
            return _monitor is null ? null : read(_monitor);
        }
    }

    /// <summary>Acknowledges or resolves alert <paramref name="key"/>, which <see cref="Find"/> found.</summary>
    public AlertEvaluation Act(string key, string actor, bool resolve, DateTimeOffset now)
    {
        lock (_sync)
        {
            var monitor = _monitor ?? throw new UnknownAlertException(key);
            return resolve ? monitor.Resolve(key, actor, now) : monitor.Acknowledge(key, actor, now);
        }
    }

    /// <summary>The alerts' snapshots: the monitor's, or those carried until one is deployed.</summary>
    public IReadOnlyList<AlertSnapshot> Snapshot()
    {
        lock (_sync)
        {
            return _monitor?.Snapshot() ?? _carried;
        }
    }

    /// <summary>The alert with key <paramref name="key"/>, or null.</summary>
    public MonitoredAlert? Find(string key)
    {
        lock (_sync)
        {
            return _monitor?.Find(key);
        }
    }

    /// <summary>Every alert the monitor holds.</summary>
    public IReadOnlyList<MonitoredAlert> Alerts()
    {
        lock (_sync)
        {
            return [.. _monitor?.Alerts ?? []];
        }
    }
}

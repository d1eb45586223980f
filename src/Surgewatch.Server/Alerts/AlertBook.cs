using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Notifications;
using Surgewatch.Server.Silences;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// The server's side of Core's monitors: the <see cref="ZoneMonitor"/> and, once a model with a surge rule is deployed,
/// its counters' <see cref="SurgeMonitor"/>. Steps them (the monitor loop), applies operator actions, stores alert
/// events, persists snapshots after every change (restored before the first step, so a restart resumes Firing and
/// acknowledged alerts; counter alerts are carried until the model is deployed again) and hands planned notifications
/// to the <see cref="NotificationDispatcher"/>. One at a time. A zone without data shows a single NoData alert (on
/// <see cref="NoDataRule"/>), not one per rule; a counter has one alert, NoData included.
/// </summary>
internal sealed class AlertBook(
    IAlertStore store,
    IAlertSnapshotStore snapshots,
    SilenceBook silences,
    NotificationDispatcher dispatcher,
    IOptions<NotificationSettings> settings,
    Deployment.LiveDeployment deployment,
    TimeProvider clock)
{
    /// <summary>The rule whose alert stands for the whole zone while it has no data.</summary>
    public const string NoDataRule = "density-warning";

    private readonly ZoneMonitor _monitor = new();
    private readonly NotificationPolicy _policy = settings.Value.Policy();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _restored;
    private IReadOnlyList<AlertSnapshot> _carried = [];
    private SurgeMonitor? _surge;

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
            await RestoreAsync(cancellationToken);
            var step = _monitor.Step(now, zones, occupancies, forecasts, muting, _policy);
            var (counterEvents, counterNotifications) = StepCounters(now, muting);
            var events = step.Events.Concat(counterEvents).Where(e => Shown(e.RuleId, e.State)).ToList();
            var notifications = step.Notifications.Concat(counterNotifications).Where(n => n.Kind != NotificationKind.NoData || Shown(n.RuleId, AlertState.NoData)).ToList();
            dispatcher.Enqueue(notifications);
            if (events.Count == 0 && notifications.Count == 0)
            {
                return ([], step.Zones);
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await snapshots.ReplaceAlertSnapshotsAsync(Snapshot(), cancellationToken);
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
            var result = alert.Rule.Id == SurgeMonitor.RuleId
                ? ActOnCounter(key, actor, resolve, now)
                : resolve ? _monitor.Resolve(key, actor, now) : _monitor.Acknowledge(key, actor, now);
            var events = result.Events;
            if (note is not null && events.Count > 0)
            {
                events = [events[0] with { Note = $"{events[0].Note}: {note}" }, .. events.Skip(1)];
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await snapshots.ReplaceAlertSnapshotsAsync(Snapshot(), cancellationToken);
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

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        if (!_restored)
        {
            var stored = await snapshots.LoadAlertSnapshotsAsync(cancellationToken);
            _monitor.Restore(stored);
            _carried = [.. stored.Where(s => s.Status.RuleId == SurgeMonitor.RuleId)];
            _restored = true;
        }
    }

    /// <summary>Evaluates the deployed model's counter alerts; a newly deployed monitor first takes the carried snapshots.</summary>
    private (IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications) StepCounters(DateTimeOffset now, IReadOnlyList<ISilence> muting)
    {
        lock (deployment.Sync)
        {
            var monitor = deployment.Monitor;
            if (!ReferenceEquals(monitor, _surge))
            {
                if (_surge is not null)
                {
                    _carried = _surge.Snapshot();
                }

                monitor?.Restore(_carried);
                _surge = monitor;
            }

            return monitor?.Evaluate(now, muting, _policy) ?? ([], []);
        }
    }

    private AlertEvaluation ActOnCounter(string key, string actor, bool resolve, DateTimeOffset now)
    {
        lock (deployment.Sync)
        {
            return resolve ? _surge!.Resolve(key, actor, now) : _surge!.Acknowledge(key, actor, now);
        }
    }

    /// <summary>Every alert's snapshot: the zones', and the counters' (from their monitor, or carried until one is deployed).</summary>
    private List<AlertSnapshot> Snapshot()
    {
        lock (deployment.Sync)
        {
            return [.. _monitor.Snapshot(), .. _surge?.Snapshot() ?? _carried];
        }
    }

    private MonitoredAlert? Find(string key)
    {
        lock (deployment.Sync)
        {
            return _monitor.Find(key) ?? _surge?.Find(key);
        }
    }

    private List<MonitoredAlert> AllAlerts()
    {
        lock (deployment.Sync)
        {
            return [.. _monitor.Alerts, .. _surge?.Alerts ?? []];
        }
    }

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

    private static bool Shown(string ruleId, AlertState state) => state != AlertState.NoData || ruleId is NoDataRule or SurgeMonitor.RuleId;

    private AlertDto ToDto(MonitoredAlert alert)
    {
        var dto = AlertDto.Of(alert, alert.Silenced || silences.Mutes(alert.Status.RuleId, alert.Status.Subject, clock.GetUtcNow()));
        return alert.Rule.Id == SurgeMonitor.RuleId ? dto with { Value = SurgeProbability(alert.Subject) } : dto;
    }

    /// <summary>A counter's highest surge probability within the live horizon, which its alert shows as its value (the lifecycle's own sample is only 1 while warned).</summary>
    private double? SurgeProbability(string sensor)
    {
        lock (deployment.Sync)
        {
            foreach (var surge in _surge?.Latest ?? [])
            {
                if (surge.Sensor.Value == sensor)
                {
                    return surge.Probability is { } p ? Math.Round(p, 3) : null;
                }
            }

            return null;
        }
    }
}

using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Notifications;
using Surgewatch.Server.Silences;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// The server's side of Core's <see cref="ZoneMonitor"/>: steps it (the monitor loop), applies operator actions, stores alert
/// events, persists snapshots after every change (restored before the first step, so a restart resumes Firing and
/// acknowledged alerts) and hands planned notifications to the <see cref="NotificationDispatcher"/>. One at a time.
/// A zone without data shows a single NoData alert (on <see cref="NoDataRule"/>), not one per rule.
/// </summary>
internal sealed class AlertBook(
    IAlertStore store,
    IAlertSnapshotStore snapshots,
    SilenceBook silences,
    NotificationDispatcher dispatcher,
    IOptions<NotificationSettings> settings,
    TimeProvider clock)
{
    /// <summary>The rule whose alert stands for the whole zone while it has no data.</summary>
    public const string NoDataRule = "density-warning";

    private readonly ZoneMonitor _monitor = new();
    private readonly NotificationPolicy _policy = settings.Value.Policy();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _restored;

    /// <summary>Every shown alert that ever left Inactive, newest first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var list = new List<AlertDto>();
            foreach (var alert in _monitor.Alerts)
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

    /// <summary>One monitor step; returns the alerts that changed.</summary>
    public async Task<IReadOnlyList<AlertDto>> StepAsync(
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
            var events = step.Events.Where(e => Shown(e.RuleId, e.State)).ToList();
            var notifications = step.Notifications.Where(n => n.Kind != NotificationKind.NoData || n.RuleId == NoDataRule).ToList();
            dispatcher.Enqueue(notifications);
            if (step.Events.Count == 0 && step.Notifications.Count == 0)
            {
                return [];
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await snapshots.ReplaceAlertSnapshotsAsync(_monitor.Snapshot(), cancellationToken);
            return Changed(events);
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
            if (_monitor.Find(key) is not { } alert)
            {
                return null;
            }

            var now = clock.GetUtcNow();
            now = now < alert.Status.Since ? alert.Status.Since : now;
            var result = resolve ? _monitor.Resolve(key, actor, now) : _monitor.Acknowledge(key, actor, now);
            var events = result.Events;
            if (note is not null && events.Count > 0)
            {
                events = [events[0] with { Note = $"{events[0].Note}: {note}" }, .. events.Skip(1)];
            }

            await store.AppendAlertEventsAsync(events, cancellationToken);
            await snapshots.ReplaceAlertSnapshotsAsync(_monitor.Snapshot(), cancellationToken);
            return ToDto(_monitor.Find(key)!);
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
            _monitor.Restore(await snapshots.LoadAlertSnapshotsAsync(cancellationToken));
            _restored = true;
        }
    }

    private List<AlertDto> Changed(List<AlertEvent> events)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var changed = new List<AlertDto>();
        foreach (var e in events)
        {
            if (seen.Add(e.AlertKey) && _monitor.Find(e.AlertKey) is { } alert && Shown(alert.Status))
            {
                changed.Add(ToDto(alert));
            }
        }

        return changed;
    }

    private static bool Shown(AlertStatus status) => Shown(status.RuleId, status.State);

    private static bool Shown(string ruleId, AlertState state) => state != AlertState.NoData || ruleId == NoDataRule;

    private AlertDto ToDto(MonitoredAlert alert) =>
        AlertDto.Of(alert.Status, alert.Severity, alert.Silenced || silences.Mutes(alert.Status.RuleId, alert.Status.Subject, clock.GetUtcNow()));
}

using Surgewatch.Core.Alerting;
using Surgewatch.Server.Silences;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// The current status of every zone alert, in memory; its history goes to the <see cref="IAlertStore"/>.
/// Evaluation (the monitor) and operator actions (ack, resolve) both go through here, one at a time.
/// </summary>
internal sealed class AlertBook(IAlertStore store, SilenceBook silences, TimeProvider clock)
{
    private readonly Dictionary<string, AlertStatus> _byKey = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Every alert that ever left Inactive, active first, then newest first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var list = new List<AlertDto>();
            foreach (var status in _byKey.Values)
            {
                if (status.State != AlertState.Inactive && (!activeOnly || status.IsActive))
                {
                    list.Add(ToDto(status, now));
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

    /// <summary>Evaluates one rule for one zone; returns the alert when it changed.</summary>
    public async Task<AlertDto?> EvaluateAsync(AlertRule rule, string zoneId, AlertSample sample, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var key = AlertStatus.KeyOf(rule.Id, zoneId);
            var status = _byKey.TryGetValue(key, out var known) ? known : AlertStatus.New(rule.Id, zoneId, now);
            if (now < status.Since || now < status.LastSeenAt)
            {
                return null;
            }

            var result = AlertEvaluator.Evaluate(rule, status, sample, now);
            _byKey[key] = result.Status;
            return await CommitAsync(result, now, cancellationToken);
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
            if (!_byKey.TryGetValue(key, out var status))
            {
                return null;
            }

            var now = clock.GetUtcNow();
            now = now < status.Since ? status.Since : now;
            var result = resolve ? AlertEvaluator.ResolveByOperator(status, actor, now) : AlertEvaluator.Acknowledge(status, actor, now);
            _byKey[key] = result.Status;
            if (note is not null && result.Events.Count > 0)
            {
                result = result with { Events = [result.Events[0] with { Note = $"{result.Events[0].Note}: {note}" }] };
            }

            return await CommitAsync(result, now, cancellationToken) ?? ToDto(result.Status, now);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AlertDto?> CommitAsync(AlertEvaluation result, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (result.Events.Count == 0)
        {
            return null;
        }

        await store.AppendAlertEventsAsync(result.Events, cancellationToken);
        return ToDto(result.Status, now);
    }

    private AlertDto ToDto(AlertStatus status, DateTimeOffset now) =>
        AlertDto.Of(status, ZoneRules.SeverityOf(status.RuleId), silences.Mutes(status.RuleId, status.Subject, now));
}

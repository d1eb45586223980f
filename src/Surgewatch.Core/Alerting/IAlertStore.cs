namespace Surgewatch.Core.Alerting;

/// <summary>The port through which alert history is kept.</summary>
public interface IAlertStore
{
    /// <summary>Appends events to the history, in order.</summary>
    Task AppendAlertEventsAsync(IReadOnlyList<AlertEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Events at or after <paramref name="since"/>, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AlertEvent>> ListAlertEventsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default);
}

namespace Surgewatch.Server.Deployment;

/// <summary>
/// Holds training back while a feeder lays down the store's history (the demo's five weeks, a replay's first days):
/// a model trained on the first days written would be deployed on a fraction of the history, then replaced.
/// Closed from the start in demo and replay mode, whose feeder opens it when its history is stored (or when it fails);
/// open in live mode.
/// </summary>
internal sealed class HistoryGate(Clock.ServerClock clock)
{
    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _fed = clock.Mode is Clock.ClockMode.Demo or Clock.ClockMode.Replay;

    /// <summary>Completes once no feeder is laying down history.</summary>
    public Task Stored => _fed ? _stored.Task : Task.CompletedTask;

    /// <summary>The history is stored (or will not be): training may start.</summary>
    public void Done() => _stored.TrySetResult();
}

namespace Surgewatch.Server.Monitoring;

/// <summary>Wakes the monitor early, after an ingest, so that a crossing is judged without waiting for the next tick.</summary>
internal sealed class MonitorSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Nudge()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged: one pending wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.Live;

/// <summary>
/// Collects ingested readings and sends them to the hub at most once a second, keeping only the latest reading of
/// each sensor per flush, so that a fast ingest does not flood the browsers.
/// </summary>
internal sealed class ReadingsBroadcaster(LiveNotifier notifier, ILogger<ReadingsBroadcaster> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private Dictionary<string, (long Time, double Value)> _pending = new(StringComparer.Ordinal);

    public void Add(ObservationBatch batch)
    {
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        lock (_gate)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var id = batch.Sensors[sensors[i]].Value;
                if (!_pending.TryGetValue(id, out var current) || current.Time <= times[i])
                {
                    _pending[id] = (times[i], values[i]);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var batch = Take();
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await notifier.SendAsync(LiveMessages.Readings, batch, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending {Count} readings to live clients failed", batch.Count);
            }
        }
    }

    private List<LiveReading> Take()
    {
        Dictionary<string, (long Time, double Value)> taken;
        lock (_gate)
        {
            taken = _pending;
            _pending = new(StringComparer.Ordinal);
        }

        var list = new List<LiveReading>(taken.Count);
        foreach (var (sensor, (time, value)) in taken)
        {
            if (!Missing.Is(value))
            {
                list.Add(new LiveReading(sensor, new TimeLabel(time).ToString(), value));
            }
        }

        return list;
    }
}

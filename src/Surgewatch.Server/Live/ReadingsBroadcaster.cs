using System.Runtime.InteropServices;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Server.Live;

/// <summary>
/// Collects ingested readings and sends them to the hub at most once a second, keeping only the latest reading of
/// each sensor per flush, so that a fast ingest does not flood the browsers. While no dashboard listens on this node
/// or (in a cluster, as of the last sweep) any other, nothing is sent: the latest reading of each sensor waits, and goes
/// to the first that comes (with a backplane each message is published to every node, listened to or not).
/// </summary>
internal sealed class ReadingsBroadcaster(
    LiveNotifier notifier, Clock.ClockDtos clocks, LiveAudience audience, Core.Cluster.IZoneStatusShare listeners, ILogger<ReadingsBroadcaster> logger)
    : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private Dictionary<string, (long Time, double Value)> _pending = new(StringComparer.Ordinal);

    public void Add(ObservationBatch batch)
    {
        var sensors = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;

        // The latest row of each of the batch's sensors first (no hashing per reading), then one merge per sensor.
        var latest = new int[batch.Sensors.Count];
        Array.Fill(latest, -1);
        for (var i = 0; i < batch.Count; i++)
        {
            var at = latest[sensors[i]];
            if (at < 0 || times[at] <= times[i])
            {
                latest[sensors[i]] = i;
            }
        }

        lock (_gate)
        {
            for (var s = 0; s < latest.Length; s++)
            {
                var row = latest[s];
                if (row < 0)
                {
                    continue;
                }

                ref var current = ref CollectionsMarshal.GetValueRefOrAddDefault(_pending, batch.Sensors[s].Value, out var known);
                if (!known || current.Time <= times[row])
                {
                    current = (times[row], values[row]);
                }
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!audience.Anyone && !listeners.AnyoneListening)
            {
                continue;
            }

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
                list.Add(new LiveReading(sensor, clocks.Format(new TimeLabel(time)), value));
            }
        }

        return list;
    }
}

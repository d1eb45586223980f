using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Readings;

/// <summary>
/// The cluster's <see cref="IReadingsRelay"/>: what this node stored is queued, and a loop sends each reading to the
/// silos the routes name (<see cref="RelayRoutes"/>, rebuilt when the holders or the zones changed), one call per
/// silo at a time to its <see cref="ISiloReadingsGrain"/>; what comes for a silo while its call is in flight waits and
/// goes in the next, so a slow or dead node delays only its own readings. Bounded: past <see cref="MaxWaiting"/> readings
/// waiting (queued, or for one silo) the newest are dropped with a warning, as they are when a call fails: they are in
/// the store, which every node reads back for its zones on a slower beat (the server's catch-up).
/// </summary>
internal sealed class ReadingsRelay(ISiloServices silo, ZoneCatalog zones, HolderMap map, MembershipTiming timing, ILogger<ReadingsRelay> logger) : BackgroundService, IReadingsRelay
{
    /// <summary>The most readings that wait in the queue, and for any one silo.</summary>
    public const int MaxWaiting = 1_000_000;

    // A null wakes the loop when a call ends, so that what waited for it goes out.
    private readonly Channel<ObservationBatch?> _queue = Channel.CreateUnbounded<ObservationBatch?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Outbox> _outboxes = new(StringComparer.Ordinal);
    private long _queued;
    private long _dropped;
    private RelayRoutes _routes = RelayRoutes.None;
    private (HolderMap.Map? Map, IReadOnlyList<Zone>? Zones) _routedFrom;
    private long _listedAt;

    public TimeSpan? ReadBackEvery => timing.ReadBackEvery;

    public void Send(ObservationBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        if (Interlocked.Add(ref _queued, batch.Count) > MaxWaiting)
        {
            Interlocked.Add(ref _queued, -batch.Count);
            Interlocked.Add(ref _dropped, batch.Count);
            return;
        }

        _queue.Writer.TryWrite(batch);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = await silo.ServicesAsync(stoppingToken);
        var grains = services.GetRequiredService<IGrainFactory>();
        var self = services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            try
            {
                var routes = await RoutesAsync(self, stoppingToken);
                while (_queue.Reader.TryRead(out var batch))
                {
                    if (batch is not null)
                    {
                        Interlocked.Add(ref _queued, -batch.Count);
                        Route(batch, routes);
                    }
                }

                foreach (var (target, outbox) in _outboxes)
                {
                    if (outbox.InFlight is not null and { IsCompleted: false })
                    {
                        continue;
                    }

                    if (!routes.Reaches(target))
                    {
                        // The silo holds nothing of ours any more (it left, or was declared dead): what waited for it is dropped.
                        Interlocked.Add(ref _dropped, outbox.Waiting.Count);
                        _outboxes.Remove(target);
                    }
                    else if (outbox.Waiting.Count > 0)
                    {
                        outbox.InFlight = DeliverAsync(grains.GetGrain<ISiloReadingsGrain>(target), target, outbox, RelayedReadings.Of(outbox.Take()));
                    }
                }

                if (Interlocked.Exchange(ref _dropped, 0) is var dropped and > 0)
                {
                    logger.LogWarning("Dropped {Dropped} readings the relay could not keep up with; the nodes holding their zones read them from the store", dropped);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The readings relay failed; what it held is read back from the store by the nodes that need it");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>
    /// The routes for the last sweep's map of holders and the zones as listed now, listed at most once a sweep interval
    /// (each listing asks the store for the zones' revision); rebuilt only when either changed. While the zones cannot
    /// be listed (the store is away) the last routes stay.
    /// </summary>
    private async Task<RelayRoutes> RoutesAsync(string self, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        var current = map.Current;
        if (ReferenceEquals(current, _routedFrom.Map) && _listedAt != 0 && TimeProvider.System.GetElapsedTime(_listedAt, stamp) < timing.SweepInterval)
        {
            return _routes;
        }

        try
        {
            var listed = await zones.ZonesAsync(cancellationToken);
            _listedAt = stamp;
            if (!ReferenceEquals(current, _routedFrom.Map) || !ReferenceEquals(listed, _routedFrom.Zones))
            {
                _routes = RelayRoutes.Build(listed, current.Holders, current.EveryReading, self);
                _routedFrom = (current, listed);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogDebug(e, "Could not list the zones for the readings relay; it routes as the last sweep before found them");
        }

        return _routes;
    }

    private void Route(ObservationBatch batch, RelayRoutes routes)
    {
        var sensors = batch.Sensors;
        var targets = new IReadOnlyList<string>[sensors.Count];
        for (var s = 0; s < targets.Length; s++)
        {
            targets[s] = routes.To(sensors[s].Value);
        }

        var sensorOf = batch.SensorIndexes;
        var times = batch.TimeSeconds;
        var values = batch.Values;
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var target in targets[sensorOf[i]])
            {
                if (!_outboxes.TryGetValue(target, out var outbox))
                {
                    outbox = new Outbox();
                    _outboxes[target] = outbox;
                }

                if (outbox.Waiting.Count >= MaxWaiting)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }

                outbox.Waiting.Add(outbox.Waiting.InternSensor(sensors[sensorOf[i]]), new TimeLabel(times[i]), values[i]);
            }
        }
    }

    private async Task DeliverAsync(ISiloReadingsGrain grain, string target, Outbox outbox, RelayedReadings readings)
    {
        try
        {
            await grain.TakeAsync(readings);
            outbox.Failing = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Once per run of failures: a node that died fails every call until the membership declares it dead.
            if (!outbox.Failing)
            {
                logger.LogWarning(e, "Could not relay {Count} readings to {Silo}; it reads them from the store", readings.Times.Length, target);
            }

            outbox.Failing = true;
        }
        finally
        {
            _queue.Writer.TryWrite(null);
        }
    }

    /// <summary>What waits for one silo, and the call to it in flight.</summary>
    private sealed class Outbox
    {
        /// <summary>The readings gathered for the silo's next call.</summary>
        public ObservationBatch Waiting { get; private set; } = new();

        public Task? InFlight { get; set; }

        /// <summary>The readings gathered, which then wait no more.</summary>
        public ObservationBatch Take()
        {
            var taken = Waiting;
            Waiting = new ObservationBatch();
            return taken;
        }

        /// <summary>Whether the last call failed (a warning is logged once per run of failures).</summary>
        public bool Failing { get; set; }
    }
}

using Surgewatch.Cluster.Zones;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Readings;

/// <summary>The silo's <see cref="ISiloReadingsGrain"/>: hands what arrives to its node. Kept alive: the other nodes send to it every few seconds.</summary>
[SiloPinnedPlacement]
[KeepAlive]
internal sealed class SiloReadingsGrain(IRelayedReadings node) : Grain, ISiloReadingsGrain
{
    public Task TakeAsync(RelayedReadings readings)
    {
        node.Take(readings.ToBatch());
        return Task.CompletedTask;
    }
}

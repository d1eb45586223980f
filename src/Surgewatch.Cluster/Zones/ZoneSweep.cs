using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// Every node asks every zone's grain who holds it, every <see cref="ClusterSettings.SweepInterval"/>: that activates the
/// grain of a new zone, or of a zone whose node died, on some live silo (which then steps it), keeps the activations
/// busy so that they are never collected as idle, and gives the node the map of holders it shows at <c>/cluster</c>.
/// </summary>
internal sealed class ZoneSweep(IGrainFactory grains, IZoneStore zones, HolderMap map, ClusterSettings settings, ILogger<ZoneSweep> logger) : BackgroundService
{
    private const int Batch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var subjects = (await zones.ListZonesAsync(stoppingToken)).Select(z => z.Id.Value).Append(IZoneOwnership.ModelsSubject).ToList();
                map.Publish(await SweepAsync(grains, subjects));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The zone sweep failed; trying again at the next one");
            }

            await Task.Delay(settings.SweepInterval, stoppingToken);
        }
    }

    /// <summary>Asks each subject's grain for its holder, <see cref="Batch"/> at a time; subject to silo address.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SweepAsync(IGrainFactory grains, IReadOnlyList<string> subjects)
    {
        var holders = new Dictionary<string, string>(subjects.Count, StringComparer.Ordinal);
        for (var start = 0; start < subjects.Count; start += Batch)
        {
            var batch = subjects.Skip(start).Take(Batch).ToList();
            var answers = await Task.WhenAll(batch.Select(s => grains.GetGrain<IZoneGrain>(s).HolderAsync()));
            for (var i = 0; i < batch.Count; i++)
            {
                holders[batch[i]] = answers[i];
            }
        }

        return holders;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Zones;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// Every node asks every zone's grain who holds it, every <see cref="MembershipTiming.SweepInterval"/>: that activates the
/// grain of a new zone, or of a zone whose node died, on some live silo (which then steps it), keeps the activations
/// busy so that they are never collected as idle, gives the node the map of holders it shows at <c>/cluster</c>, and
/// brings back the zone statuses and alert views the other nodes shared.
/// </summary>
internal sealed class ZoneSweep(ISiloServices silo, IZoneStore zones, HolderMap map, ZoneStatusShare share, AlertShare alerts, ClusterSettings settings, ILogger<ZoneSweep> logger) : BackgroundService
{
    private const int Batch = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grains = (await silo.ServicesAsync(stoppingToken)).GetRequiredService<IGrainFactory>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var subjects = (await zones.ListZonesAsync(stoppingToken)).Select(z => z.Id.Value).Append(IZoneOwnership.ModelsSubject).ToList();
                var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
                var views = new Dictionary<string, string>(StringComparer.Ordinal);
                var holders = await SweepAsync(grains, subjects, e => logger.LogDebug(e, "A zone grain did not answer"), statuses, views);
                map.Publish(holders);
                share.Receive(statuses);
                alerts.Receive(views);
                if (holders.Count < subjects.Count)
                {
                    // Usually a node that died and is not yet declared dead: its zones answer once the membership agrees.
                    logger.LogWarning("{Missing} of {Count} zone grains did not answer this sweep; trying again at the next one", subjects.Count - holders.Count, subjects.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The zone sweep failed; trying again at the next one");
            }

            await Task.Delay(settings.Membership.SweepInterval, stoppingToken);
        }
    }

    /// <summary>
    /// Asks each subject's grain for its holder, <see cref="Batch"/> at a time; subject to silo address. A grain whose
    /// call fails (<paramref name="failed"/> is told why) is left out, so one unreachable silo does not blind the rest.
    /// The zones' statuses and alert views the holders shared go into <paramref name="statuses"/> and
    /// <paramref name="alerts"/> when they are given.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SweepAsync(
        IGrainFactory grains, IReadOnlyList<string> subjects, Action<Exception>? failed = null, IDictionary<string, string>? statuses = null,
        IDictionary<string, string>? alerts = null)
    {
        var holders = new Dictionary<string, string>(subjects.Count, StringComparer.Ordinal);
        for (var start = 0; start < subjects.Count; start += Batch)
        {
            var batch = subjects.Skip(start).Take(Batch).ToList();
            var answers = await Task.WhenAll(batch.Select(s => AskAsync(grains.GetGrain<IZoneGrain>(s), failed)));
            for (var i = 0; i < batch.Count; i++)
            {
                if (answers[i] is { } holding)
                {
                    holders[batch[i]] = holding.Silo;
                    if (holding.Status is { } status && statuses is not null)
                    {
                        statuses[batch[i]] = status;
                    }

                    if (holding.Alerts is { } views && alerts is not null)
                    {
                        alerts[batch[i]] = views;
                    }
                }
            }
        }

        return holders;
    }

    private static async Task<ZoneHolding?> AskAsync(IZoneGrain grain, Action<Exception>? failed)
    {
        try
        {
            return await grain.HoldingAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed?.Invoke(e);
            return null;
        }
    }
}

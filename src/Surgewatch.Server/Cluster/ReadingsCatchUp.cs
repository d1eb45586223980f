using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, the readings posted to the other nodes reach this one through the store: at most every
/// <see cref="Every"/> (wall time) it reads the last <see cref="Window"/> of the held zones' sensors into
/// <see cref="RecentReadings"/> (which keeps one value per sensor and label, so reading again changes nothing). A
/// single node is sent every reading itself and never calls this.
/// </summary>
internal sealed class ReadingsCatchUp(IObservationStore observations, RecentReadings recent, ClockDtos clocks, ILogger<ReadingsCatchUp> logger)
{
    /// <summary>How often the store is read.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    /// <summary>How far back (site time) each read looks: readings that arrive later than this only reach the store.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private long _readAt;

    public async Task CatchUpAsync(IReadOnlyList<Zone> held, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        if (_readAt != 0 && TimeProvider.System.GetElapsedTime(_readAt, stamp) < Every)
        {
            return;
        }

        _readAt = stamp;
        var sensors = held.SelectMany(z => z.Sources.Select(s => s.Sensor)).Distinct().ToList();
        if (sensors.Count == 0)
        {
            return;
        }

        try
        {
            var label = clocks.NowLabel();
            recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, label - Window, label + TimeSpan.FromMinutes(1)), cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the held zones' recent readings from the store; trying again in {Seconds} s", Every.TotalSeconds);
        }
    }
}

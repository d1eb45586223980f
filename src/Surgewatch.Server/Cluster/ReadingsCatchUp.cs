using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, the readings posted to the other nodes reach this one through the store: at most every
/// <see cref="Every"/> (wall time; more often when the server clock runs faster, so that a demo's or a replay's
/// minute readings are read within a simulated half-minute, but never more than once a second) it reads the last
/// <see cref="Window"/> of the held zones' sensors into <see cref="RecentReadings"/> (which keeps one value per sensor
/// and label, so reading again changes nothing). A single node is sent every reading itself and never calls this.
/// </summary>
internal sealed class ReadingsCatchUp(IObservationStore observations, RecentReadings recent, ClockDtos clocks, ServerClock clock, ILogger<ReadingsCatchUp> logger)
{
    /// <summary>How often the store is read at real speed.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan SiteEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Fastest = TimeSpan.FromSeconds(1);

    /// <summary>How far back (site time) each read looks: readings that arrive later than this only reach the store.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private long _readAt;

    public async Task CatchUpAsync(IReadOnlyList<Zone> held, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        var every = TimeSpan.FromTicks(Math.Clamp((long)(SiteEvery.Ticks / clock.Speed), Fastest.Ticks, Every.Ticks));
        if (_readAt != 0 && TimeProvider.System.GetElapsedTime(_readAt, stamp) < every)
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
            logger.LogWarning(e, "Could not read the held zones' recent readings from the store; trying again at the next read");
        }
    }
}

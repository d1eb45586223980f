using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, the readings posted to the other nodes reach this one through the store: at most every
/// <see cref="Every"/> (wall time; more often when the server clock runs faster, so that a demo's or a replay's
/// minute readings are read within a simulated half-minute, but never more than once a second) it reads the held zones'
/// sensors' readings into <see cref="RecentReadings"/> (which keeps one value per sensor and label, so reading again
/// changes nothing): every <see cref="FullEvery"/>th read, and the first after the held zones changed, the last
/// <see cref="Window"/>; the reads between, only from <see cref="Overlap"/> before the previous read's present, so that
/// a node does not read each sensor's quarter-hour again every few seconds (with a reading every 5 s, 180 rows a sensor
/// instead of about 14). A reading that arrives later than the overlap is still read at the next full read.
/// A single node is sent every reading itself and never calls this.
/// </summary>
internal sealed class ReadingsCatchUp(IObservationStore observations, RecentReadings recent, ClockDtos clocks, ServerClock clock, ILogger<ReadingsCatchUp> logger)
{
    /// <summary>How often the store is read at real speed.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan SiteEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Fastest = TimeSpan.FromSeconds(1);

    /// <summary>How far back (site time) each read looks: readings that arrive later than this only reach the store.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How far before the previous read's present a read between the full ones looks (site time).</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    /// <summary>Every how many reads the whole <see cref="Window"/> is read again.</summary>
    public const int FullEvery = 12;

    private long _readAt;
    private int _reads;
    private TimeLabel? _lastLabel;
    private List<SensorId>? _lastSensors;

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
            var full = _lastLabel is not { } last || _lastSensors is null || !sensors.SequenceEqual(_lastSensors) || _reads % FullEvery == 0 || last > label;
            var from = full ? label - Window : Max(label - Window, _lastLabel!.Value - Overlap);
            recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, from, label + TimeSpan.FromMinutes(1)), cancellationToken));
            (_lastLabel, _lastSensors) = (label, sensors);
            _reads++;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the held zones' recent readings from the store; trying again at the next read");
            // The next read reads the whole window, so that nothing this one missed is left out.
            _lastLabel = null;
        }
    }

    private static TimeLabel Max(TimeLabel a, TimeLabel b) => a > b ? a : b;
}

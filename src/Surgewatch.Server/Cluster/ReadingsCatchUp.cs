using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
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
/// Where the other nodes relay what they store (<see cref="IReadingsRelay.ReadBackEvery"/>: a cluster's nodes do), the
/// store is only the safety net: for readings a relay dropped (a node that died with them in flight, or that learned of
/// a zone's new holder a sweep late) and readings written to the store by another process. Then a read comes every
/// <see cref="IReadingsRelay.ReadBackEvery"/> (wall time, whatever the clock's speed; still from <see cref="Overlap"/> before the previous read's present, so each read joins
/// the last), the whole window every <see cref="RelayedFullEvery"/>th, and the read after one for changed zones comes
/// after <see cref="Every"/>, for what the others sent the zones' former holder meanwhile. Either way the held zones are
/// read as soon as they change (a zone taken over brings its last window with it).
/// A single node is sent every reading itself and never calls this.
/// </summary>
internal sealed class ReadingsCatchUp(IObservationStore observations, RecentReadings recent, IReadingsRelay relay, ClockDtos clocks, ServerClock clock, ILogger<ReadingsCatchUp> logger)
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

    /// <summary>Every how many reads the whole <see cref="Window"/> is read again where the other nodes relay their readings.</summary>
    public const int RelayedFullEvery = 10;

    private long _readAt;
    private int _reads;
    private TimeLabel? _lastLabel;
    private List<SensorId>? _lastSensors;
    private IReadOnlyList<Zone>? _lastHeld;

    // The next read comes after Every even where the others relay: the last one was for changed zones, or failed.
    private bool _soon;

    public async Task CatchUpAsync(IReadOnlyList<Zone> held, CancellationToken cancellationToken)
    {
        // Zones just taken over are read at once: their holder may have died, and nothing else brings their past.
        var heldChanged = _lastHeld is null || !held.SequenceEqual(_lastHeld, ReferenceEqualityComparer.Instance);
        var stamp = TimeProvider.System.GetTimestamp();
        var every = relay.ReadBackEvery is { } readBack && !_soon ? readBack : TimeSpan.FromTicks(Math.Clamp((long)(SiteEvery.Ticks / clock.Speed), Fastest.Ticks, Every.Ticks));
        if (!heldChanged && _readAt != 0 && TimeProvider.System.GetElapsedTime(_readAt, stamp) < every)
        {
            return;
        }

        (_readAt, _lastHeld) = (stamp, held);
        var sensors = held.SelectMany(z => z.Sources.Select(s => s.Sensor)).Distinct().ToList();
        if (sensors.Count == 0)
        {
            return;
        }

        try
        {
            var label = clocks.NowLabel();
            var changed = _lastSensors is null || !sensors.SequenceEqual(_lastSensors);
            var full = _lastLabel is not { } last || changed || _reads % (relay.ReadBackEvery is null ? FullEvery : RelayedFullEvery) == 0 || last > label;
            var from = full ? label - Window : Max(label - Window, _lastLabel!.Value - Overlap);
            recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, from, label + TimeSpan.FromMinutes(1)), cancellationToken));
            (_lastLabel, _lastSensors, _soon) = (label, sensors, changed);
            _reads++;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not read the held zones' recent readings from the store; trying again at the next read");
            // The next read reads the whole window, so that nothing this one missed is left out, and comes soon.
            (_lastLabel, _soon) = (null, true);
        }
    }

    private static TimeLabel Max(TimeLabel a, TimeLabel b) => a > b ? a : b;
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// On a node of a cluster, reads the held zones' sensors' readings back from the store into <see cref="RecentReadings"/>
/// (which keeps one value per sensor and label, so reading again changes nothing), for what reached the store but not
/// this node: what a relay dropped (a node that died with readings in flight, or that learned of a zone's new holder a
/// sweep late), readings written to the store by another process, and everything where nothing is relayed
/// (<see cref="IReadingsRelay.ReadBackEvery"/> null). The sensors of zones just taken over are read at once over the
/// last <see cref="Window"/> (a zone taken over brings its past with it), and the next read of all comes after
/// <see cref="Every"/> (what the others sent the zones' former holder meanwhile). Otherwise a read comes every
/// <see cref="IReadingsRelay.ReadBackEvery"/> (wall time) where readings are relayed, else every <see cref="Every"/>
/// (more often when the server clock runs faster, so that a demo's or a replay's minute readings are read within a
/// simulated half-minute, but never more than once a second); each reads from <see cref="Overlap"/> before the previous
/// read's present, so that it joins the last without reading each sensor's quarter-hour again (with a reading every
/// 5 s, 180 rows a sensor instead of about 14), and every <see cref="RelayedFullEvery"/>th (<see cref="FullEvery"/>th
/// unrelayed) the whole <see cref="Window"/>, for readings that arrived later than the overlap. A single node is sent
/// every reading itself and never calls this.
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

    // The next read comes after Every even where the others relay: the last one was for gained zones, or failed.
    private bool _soon;

    public async Task CatchUpAsync(IReadOnlyList<Zone> held, CancellationToken cancellationToken)
    {
        var stamp = TimeProvider.System.GetTimestamp();
        if (_lastHeld is null || (!ReferenceEquals(held, _lastHeld) && !held.SequenceEqual(_lastHeld, ReferenceEqualityComparer.Instance)))
        {
            await GainAsync(held, stamp, cancellationToken);
            return;
        }

        var every = relay.ReadBackEvery is { } readBack && !_soon ? readBack : TimeSpan.FromTicks(Math.Clamp((long)(SiteEvery.Ticks / clock.Speed), Fastest.Ticks, Every.Ticks));
        if (TimeProvider.System.GetElapsedTime(_readAt, stamp) < every || _lastSensors is not { Count: > 0 } sensors)
        {
            return;
        }

        _readAt = stamp;
        try
        {
            var label = clocks.NowLabel();
            var full = _lastLabel is not { } last || _reads % (relay.ReadBackEvery is null ? FullEvery : RelayedFullEvery) == 0 || last > label;
            var from = full ? label - Window : Max(label - Window, _lastLabel!.Value - Overlap);
            recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(sensors, from, label + TimeSpan.FromMinutes(1)), cancellationToken));
            (_lastLabel, _soon) = (label, false);
            _reads++;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
    }

    /// <summary>
    /// The held zones changed: the sensors they gained are read at once over the whole <see cref="Window"/> (their zones'
    /// holder may have died, and nothing else brings their past), and the next read of all comes after
    /// <see cref="Every"/>. Lost sensors are simply no longer read.
    /// </summary>
    private async Task GainAsync(IReadOnlyList<Zone> held, long stamp, CancellationToken cancellationToken)
    {
        var sensors = held.SelectMany(z => z.Sources.Select(s => s.Sensor)).Distinct().ToList();
        var gained = _lastSensors is null ? sensors : [.. sensors.Except(_lastSensors)];
        (_lastHeld, _lastSensors, _readAt) = (held, sensors, stamp);
        if (gained.Count == 0)
        {
            return;
        }

        try
        {
            var label = clocks.NowLabel();
            recent.Add(await observations.ReadObservationsAsync(new ObservationQuery(gained, label - Window, label + TimeSpan.FromMinutes(1)), cancellationToken));
            if (_lastLabel is null && gained.Count == sensors.Count)
            {
                // Every sensor was read to the present: the next read joins this one.
                _lastLabel = label;
                _reads++;
            }

            _soon = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Failed(e);
        }
    }

    private void Failed(Exception e)
    {
        logger.LogWarning(e, "Could not read the held zones' recent readings from the store; trying again at the next read");
        // The next read reads the whole window of every held sensor, so that nothing this one missed is left out, and comes soon.
        (_lastLabel, _soon) = (null, true);
    }

    private static TimeLabel Max(TimeLabel a, TimeLabel b) => a > b ? a : b;
}

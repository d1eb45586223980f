using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// The server's per-second work in Core at a steady state (issue 16): occupancy fusion of 1,000 zones on their last
/// 30 minutes of readings, <see cref="ZoneMonitor.Step"/> on 1,000 zones, <see cref="SurgeMonitor.Evaluate"/> on
/// 10,000 counters, and the three in a row (<see cref="LiveSecond"/>). Every invocation is the next second: the
/// monitors keep their state, so alerts stay as they settled in the warm-up (some firing, some NoData, some silenced,
/// with 20 silences in the list). <see cref="LiveSecond"/> is the server's whole second, Core's <see cref="LiveLoop"/>
/// step; the others are its parts. Server-side work around Core (DTOs, SignalR, the store) is not included.
/// </summary>
[Config(typeof(LiveStepConfig))]
[MemoryDiagnoser]
[BenchmarkCategory(LiveStepReport.PerSecond)]
public class LiveStepBenchmarks
{
    private const int ZoneCount = 1_000;
    private const int CounterCount = 10_000;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private LiveZones _zones = null!;
    private LineBalanceState[] _balances = [];
    private ZoneMonitor _zoneMonitor = null!;
    private LiveCounters _counters = null!;
    private SurgeMonitor _surge = null!;
    private IReadOnlyList<ISilence> _silences = [];
    private int _fuseSecond;
    private DateTimeOffset _zoneNow;
    private DateTimeOffset _counterNow;
    private LiveLoop _loop = null!;
    private DateTimeOffset _loopNow;

    [GlobalSetup(Targets = [nameof(FuseZones), nameof(StepZones)])]
    public void SetUpZones()
    {
        _silences = LiveAlerting.Silences(LiveCounters.End);
        _zones = new LiveZones(ZoneCount, LiveCounters.End - TimeSpan.FromMinutes(90));
        _balances = [.. _zones.Zones.Select(_ => LineBalanceState.Start(_zones.Start - TimeSpan.FromMinutes(30)))];
        _zoneMonitor = new ZoneMonitor();

        // 80 one-minute steps: a full hour of density history for the trends, and alerts past their pending time.
        _zoneNow = _zones.Start;
        for (var minute = 0; minute < 80; minute++)
        {
            _zoneNow = _zones.Start + TimeSpan.FromMinutes(minute);
            _zones.Show(_zoneNow);
            _zoneMonitor.Step(_zoneNow, _zones.Zones, _zones.Occupancies, _zones.Forecasts, _silences, LiveAlerting.Policy);
        }

        Console.WriteLine($"// zones: {Count(_zoneMonitor.Alerts, AlertState.Firing)} of {_zoneMonitor.Alerts.Count} alerts firing, {Count(_zoneMonitor.Alerts, AlertState.NoData)} NoData, {_zoneMonitor.Alerts.Count(a => a.Silenced)} silenced");
    }

    [GlobalSetup(Target = nameof(EvaluateCounters))]
    public void SetUpCounters()
    {
        _silences = LiveAlerting.Silences(LiveCounters.End);
        _counters = new LiveCounters(CounterCount);

        // As the server runs: issued at the start of each slot, evaluated every second (here twice a slot).
        _surge = _counters.Replayed(_counters.LastSlot, (monitor, slot) =>
        {
            monitor.Evaluate(_counters.InstantOf(slot), _silences, LiveAlerting.Policy);
            monitor.Evaluate(_counters.InstantOf(slot) + TimeSpan.FromMinutes(30), _silences, LiveAlerting.Policy);
        });
        _counterNow = _counters.InstantOf(_counters.LastSlot) + TimeSpan.FromMinutes(30);
        var warned = _surge.Latest.Count(c => c.Warned);
        Console.WriteLine($"// counters: {warned} warned; {Count(_surge.Alerts, AlertState.Firing)} of {_surge.Alerts.Count} alerts firing, {Count(_surge.Alerts, AlertState.NoData)} NoData, {_surge.Alerts.Count(a => a.Silenced)} silenced");
    }

    [GlobalSetup(Target = nameof(LiveSecond))]
    public void SetUpLoop()
    {
        _silences = LiveAlerting.Silences(LiveCounters.End);
        _counters = new LiveCounters(CounterCount);
        _surge = _counters.Replayed(_counters.LastSlot, (monitor, slot) => monitor.Evaluate(_counters.InstantOf(slot), _silences, LiveAlerting.Policy));
        var start = _counters.InstantOf(_counters.LastSlot);
        _zones = new LiveZones(ZoneCount, start);
        _loop = new LiveLoop(new RecentReadings(), new Deployed(_surge), new Deployed(null), LiveAlerting.Policy);
        for (var minute = -30; minute <= 0; minute++)
        {
            Feed(start + TimeSpan.FromMinutes(minute));
        }

        // 45 one-minute steps: density history for the trends, and alerts past their pending time; the counters' slot
        // is 45 minutes old, as on average between two hourly issues.
        _loopNow = start;
        for (var minute = 1; minute <= 45; minute++)
        {
            _loopNow = start + TimeSpan.FromMinutes(minute);
            Feed(_loopNow);
            _zones.Show(_loopNow);
            _loop.Step(LoopInput());
        }

        var alerts = _loop.Alerts;
        Console.WriteLine($"// loop: {Count(alerts, AlertState.Firing)} of {alerts.Count} alerts firing, {Count(alerts, AlertState.NoData)} NoData, {alerts.Count(a => a.Silenced)} silenced");
    }

    /// <summary>Fuses every zone's sources, carrying each zone's line balance (the same readings each time; the second moves within a minute).</summary>
    [Benchmark]
    public ZoneOccupancy FuseZones()
    {
        var now = _zones.Start + TimeSpan.FromSeconds(_fuseSecond++ % 60);
        ZoneOccupancy last = null!;
        for (var z = 0; z < _zones.Zones.Count; z++)
        {
            var fused = OccupancyFusion.Fuse(_zones.Zones[z], _zones.Readings[z], _balances[z], now);
            _balances[z] = fused.State;
            last = fused.Occupancy;
        }

        return last;
    }

    /// <summary>One step of the zone monitor, a second after the last, on that minute's estimates and forecasts.</summary>
    [Benchmark]
    public MonitorStep StepZones()
    {
        _zoneNow += Second;
        if (_zoneNow.Second == 0)
        {
            _zones.Show(_zoneNow);
        }

        return _zoneMonitor.Step(_zoneNow, _zones.Zones, _zones.Occupancies, _zones.Forecasts, _silences, LiveAlerting.Policy);
    }

    /// <summary>One evaluation of every counter's surge alert, a second after the last.</summary>
    [Benchmark]
    public int EvaluateCounters()
    {
        _counterNow += Second;
        return _surge.Evaluate(_counterNow, _silences, LiveAlerting.Policy).Events.Count;
    }

    /// <summary>
    /// The whole second as the server runs it: one <see cref="LiveLoop.Step"/> (the readings' windows out of
    /// <see cref="RecentReadings"/>, fusion, the zone monitor on the fused estimates, the counters' surge alerts), a
    /// second after the last; each new minute first adds a reading per source, as the ingests would.
    /// </summary>
    [Benchmark]
    public int LiveSecond()
    {
        _loopNow += Second;
        if (_loopNow.Second == 0)
        {
            Feed(_loopNow);
            _zones.Show(_loopNow);
        }

        return _loop.Step(LoopInput()).Events.Count;
    }

    private LiveInput LoopInput() => new(_loopNow, TimeZoneInfo.Utc, _zones.Zones, _ => TimeSpan.FromMinutes(1), zone => _zones.Forecasts[zone], _silences);

    /// <summary>Adds a reading per source of every zone at <paramref name="at"/> (level sources near 1 person/m², line counters 40–60 a minute).</summary>
    private void Feed(DateTimeOffset at)
    {
        var batch = new ObservationBatch(_zones.Zones.Count * 4);
        var label = TimeLabel.FromInstant(at, TimeZoneInfo.Utc);
        var i = (int)(at.UtcTicks / TimeSpan.TicksPerMinute % 60);
        foreach (var zone in _zones.Zones)
        {
            foreach (var source in zone.Sources)
            {
                batch.Add(batch.InternSensor(source.Sensor), label, LiveZones.ValueOf(source.Role, i));
            }
        }

        _loop.Readings.Add(batch);
    }

    private static int Count(IEnumerable<MonitoredAlert> alerts, AlertState state) => alerts.Count(a => a.Status.State == state);

    /// <summary>A deployment whose monitor stays the one given.</summary>
    private sealed class Deployed(SensorAlertMonitor? monitor) : IDeployedMonitor
    {
        public object Sync { get; } = new();

        public SensorAlertMonitor? Current => monitor;
    }
}

using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// The server's per-second work in Core at a steady state (issue 16): occupancy fusion of 1,000 zones on their last
/// 30 minutes of readings, <see cref="ZoneMonitor.Step"/> on 1,000 zones, <see cref="SurgeMonitor.Evaluate"/> on
/// 10,000 counters, and the three in a row (<see cref="LiveSecond"/>). Every invocation is the next second: the
/// monitors keep their state, so alerts stay as they settled in the warm-up (some firing, some NoData, some silenced,
/// with 20 silences in the list). Server-side work around Core (reading the window out of RecentReadings, DTOs,
/// SignalR, the store) is not included.
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
    public void SetUpAll()
    {
        SetUpZones();
        SetUpCounters();
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
    /// The whole second as MonitoringService runs it: fuse every zone, step the zone monitor, evaluate the counters.
    /// (The step reads the synthetic estimates, not the fused ones, whose readings stand still.)
    /// </summary>
    [Benchmark]
    public int LiveSecond()
    {
        FuseZones();
        return StepZones().Events.Count + EvaluateCounters();
    }

    private static int Count(IEnumerable<MonitoredAlert> alerts, AlertState state) => alerts.Count(a => a.Status.State == state);
}

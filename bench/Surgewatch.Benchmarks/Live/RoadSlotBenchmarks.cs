using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// The congestion rule's share of a live step for 10,000 road sensors at 5 minutes (issue 18's target: at most 10 ms):
/// <see cref="CongestionMonitor.Issue"/> (decide every road from its latest reading, the window's forecasts and the
/// same-kind-of-day profile) and <see cref="CongestionMonitor.Evaluate"/> (one alert per road through the lifecycle),
/// timed over four hours of slots in order from a fresh monitor (its profile cache fills on the first slot, as after a
/// restart) and reported per slot. Generated roads (never ../shared): free flow 50–70 mph, each jammed on weekdays for
/// an hour at its own time in the morning or evening rush, 8 days from a Monday; the rule is calibrated on day 7 from
/// the profile model's forecasts, and the issued forecasts are that model's too (the forecasting itself is not timed here).
/// </summary>
[Config(typeof(LiveSlotConfig))]
[MemoryDiagnoser]
public class RoadSlotBenchmarks
{
    private const int Roads = 10_000;
    private const int Days = 8;
    private const int PerDay = 288;
    private const int Slots = 48;
    private const int FirstIssue = (7 * PerDay) + (6 * 12); // day 8, 06:00: the morning rush

    private SeriesPanel _panel = null!;
    private CongestionRule _rule = null!;
    private double[][] _forecasts = [];
    private CongestionMonitor _monitor = null!;

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(18);
        var values = new double[Roads][];
        for (var r = 0; r < Roads; r++)
        {
            var free = 50 + (random.NextDouble() * 20);
            var jamAt = (random.Next(2) == 0 ? 7 * 12 : 17 * 12) + random.Next(-12, 12);
            values[r] = new double[Days * PerDay];
            for (var t = 0; t < values[r].Length; t++)
            {
                var slot = t % PerDay;
                var weekday = t / PerDay % 7 < 5;
                values[r][t] = weekday && slot >= jamAt && slot < jamAt + 12 ? free * 0.4 : free * (0.92 + (random.NextDouble() * 0.1));
            }
        }

        var sensors = Enumerable.Range(0, Roads).Select(r => new SensorId($"road-{r:D5}")).ToArray();
        _panel = new SeriesPanel(TimeLabel.FromDate(new DateOnly(2025, 1, 6)), TimeSpan.FromMinutes(5), sensors, values);
        var options = new WarningEvaluationOptions(RollingHorizon: 12, DayAhead: false, KeepFiringHours: 0, Congestion: CongestionRuleOptions.Default);
        var model = new DayKindMedianModel();
        var calibration = ForecastTable.Sweep(model.Fit(_panel, 6 * PerDay), _panel, 6 * PerDay, 7 * PerDay, options, null, CancellationToken.None);
        _rule = CongestionRule.FromCalibration(_panel, calibration, options);
        var forecaster = model.Fit(_panel, FirstIssue);
        _forecasts = new double[Slots][];
        for (var i = 0; i < Slots; i++)
        {
            _forecasts[i] = new double[Roads * 12];
            BatchPrediction.PredictAll(forecaster, new ForecastOrigin(_panel, FirstIssue + i - 1), _forecasts[i]);
        }
    }

    [IterationSetup]
    public void FreshMonitor() => _monitor = new CongestionMonitor(_rule);

    /// <summary>Issues the monitor for each of 48 slots in order and runs the alert lifecycle after each; per slot.</summary>
    [Benchmark(OperationsPerInvoke = Slots)]
    public int IssueAndEvaluate()
    {
        var firing = 0;
        var policy = NotificationPolicy.For(new EscalationStep("operators", TimeSpan.Zero));
        for (var i = 0; i < Slots; i++)
        {
            _monitor.Issue(_panel, FirstIssue + i, _forecasts[i]);
            var now = new DateTimeOffset(_panel.LabelAt(FirstIssue + i).ToDateTime(), TimeSpan.Zero);
            firing += _monitor.Evaluate(now, [], policy).Events.Count;
        }

        return firing;
    }

    /// <summary>Issues the monitor for each of 48 slots in order, without the alert lifecycle; per slot.</summary>
    [Benchmark(OperationsPerInvoke = Slots)]
    public int Issue()
    {
        var warned = 0;
        for (var i = 0; i < Slots; i++)
        {
            warned += _monitor.Issue(_panel, FirstIssue + i, _forecasts[i]).Count(o => o.Warned);
        }

        return warned;
    }
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Live;

/// <summary>
/// Synthetic hourly counters as the server holds them (generated, never read from ../shared): a <see cref="LivePanel"/>
/// of 70 days of readings with 14 days of headroom (LiveDeployment's window), "now" at 20:00 in the middle of the
/// evening surges, the deployed forecaster
/// (<c>historical-median-4w</c> with conformal 80 % and 95 % intervals, as the model catalog wraps it; the interval
/// offsets are synthetic, which does not change the cost), and a surge rule built with
/// <see cref="SurgeRule.FromCalibration"/> on a forecast table filled here (readings × log-normal noise (σ 0.06) over two weeks)
/// instead of fitting 10,000 series. One counter in 20 surges (five times its usual count) from 18:00 to 20:59 every
/// day from day 42 on, so its forecasts reach its threshold and its alert fires; one in 50 has sent nothing for the
/// last five hours (NoData).
/// </summary>
internal sealed class LiveCounters
{
    /// <summary>Days of readings on the panel.</summary>
    public const int Days = 70;

    /// <summary>Steps of every issued forecast: a day of hours (LiveDeployment forecasts max(day, live horizon)).</summary>
    public const int Horizon = 24;

    private const int CalibrationFromDay = 28;
    private const int SurgeFromDay = 42;
    private static readonly TimeSpan Step = TimeSpan.FromHours(1);
    private static readonly DateOnly FirstDay = new(2025, 1, 6);
    private static readonly TimeSpan Evening = TimeSpan.FromHours(20);

    private readonly double[][] _live;
    private readonly double[][] _day;

    public LiveCounters(int count)
    {
        var sensors = Enumerable.Range(0, count).Select(s => new SensorId($"counter-{s:D5}")).ToArray();
        Live = new LivePanel(sensors, Step, TimeLabel.FromDate(FirstDay) + Evening, (Days + 14) * 24);
        Fill(Live, count);
        Rule = NewRule(Panel);
        Forecaster = NewForecaster(Panel);
        Model = "historical-median-4w";
        var monitor = new SurgeMonitor(Rule);
        FirstReplayed = FirstIssue - monitor.ReplayLength;
        _live = new double[LastSlot + 1][];
        _day = new double[LastSlot + 1][];
        for (var slot = FirstReplayed; slot <= LastSlot; slot++)
        {
            (_live[slot], _day[slot]) = Points(slot);
        }
    }

    /// <summary>The instant <see cref="LastSlot"/> begins: "now" of the counters, and near it of the zones.</summary>
    public static DateTimeOffset End { get; } = new(FirstDay.AddDays(Days).ToDateTime(TimeOnly.MinValue) + Evening, TimeSpan.Zero);

    public LivePanel Live { get; }

    public SeriesPanel Panel => Live.Panel;

    public SurgeRule Rule { get; }

    public IForecaster Forecaster { get; }

    public string Model { get; }

    /// <summary>The slot that begins "now": the first without readings (20:00).</summary>
    public int LastSlot => Days * 24;

    /// <summary>The first of the day of slots the per-slot benchmark issues (21:00 the day before; midnight is among them).</summary>
    public int FirstIssue => LastSlot - 23;

    /// <summary>The first slot a monitor is issued from: <see cref="SurgeMonitor.ReplayLength"/> before <see cref="FirstIssue"/>, as after a deployment.</summary>
    public int FirstReplayed { get; }

    /// <summary>The instant slot <paramref name="slot"/> begins (labels are UTC here).</summary>
    public DateTimeOffset InstantOf(int slot) => new(Panel.LabelAt(slot).ToDateTime(), TimeSpan.Zero);

    /// <summary>Issues slot <paramref name="slot"/> on <paramref name="monitor"/> with the points LiveDeployment would give it.</summary>
    public IReadOnlyList<CounterSurge> Issue(SurgeMonitor monitor, int slot) => monitor.Issue(Panel, slot, _live[slot], _day[slot]);

    /// <summary>A monitor issued from <see cref="FirstReplayed"/> through <paramref name="through"/>, calling <paramref name="after"/> after each issue.</summary>
    public SurgeMonitor Replayed(int through, Action<SurgeMonitor, int>? after = null)
    {
        var monitor = new SurgeMonitor(Rule);
        for (var slot = FirstReplayed; slot <= through; slot++)
        {
            Issue(monitor, slot);
            after?.Invoke(monitor, slot);
        }

        return monitor;
    }

    /// <summary>The live and (at midnight) day points of slot <paramref name="slot"/>, split as LiveDeployment splits them.</summary>
    private (double[] Live, double[] Day) Points(int slot)
    {
        var count = Panel.Sensors.Count;
        var points = new double[count * Horizon];
        BatchPrediction.PredictAll(Forecaster, new ForecastOrigin(Panel, slot - 1), points);
        var liveHorizon = Rule.Options.RollingHorizon;
        var live = new double[count * liveHorizon];
        for (var s = 0; s < count; s++)
        {
            points.AsSpan(s * Horizon, liveHorizon).CopyTo(live.AsSpan(s * liveHorizon));
        }

        return (live, Panel.LabelAt(slot).SecondOfDay == 0 ? points : []);
    }

    private static void Fill(LivePanel live, int count)
    {
        var random = new Random(16);
        var panel = live.Panel;
        for (var s = 0; s < count; s++)
        {
            var level = 40 + (600 * Math.Pow(random.NextDouble(), 2));
            for (var slot = 0; slot < Days * 24; slot++)
            {
                var label = panel.LabelAt(slot);
                var silent = s % 50 == 3 && slot >= (Days * 24) - 5;
                if (!silent)
                {
                    var surge = s % 20 == 7 && slot >= SurgeFromDay * 24 && label.Hour is >= 18 and <= 20 ? 5.0 : 1.0;
                    var value = level * Profile(label) * surge * (0.85 + (0.3 * random.NextDouble()));
                    live.Put(panel.Sensors[s], label, Math.Round(value));
                }
            }
        }
    }

    /// <summary>Weekday commuter peaks at 8:30 and 17:30 and a midday bump; a single afternoon hump at weekends.</summary>
    private static double Profile(TimeLabel label)
    {
        var h = label.Hour;
        return label.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? 0.15 + (0.6 * Bump(h, 14, 4))
            : 0.15 + (0.8 * Bump(h, 8.5, 1.5)) + Bump(h, 17.5, 2) + (0.4 * Bump(h, 13, 3));
    }

    private static double Bump(double hour, double centre, double width) => Math.Exp(-Math.Pow((hour - centre) / width, 2));

    /// <summary>
    /// The rule from two weeks of synthetic out-of-sample forecasts (days 28–42: each reading times e^(0.06 z), about the error of a median of four noisy weeks); the
    /// defaults of the rule, except 28 days of history for a threshold (the 42 days before the table suffice).
    /// </summary>
    private static SurgeRule NewRule(SeriesPanel panel)
    {
        var options = new WarningEvaluationOptions(MinimumDays: 28);
        var from = CalibrationFromDay * 24;
        var to = SurgeFromDay * 24;
        var table = new ForecastTable(options.RollingHorizon + 1, panel.Sensors.Count, from, to);
        var random = new Random(3);
        for (var k = 0; k < table.Kinds; k++)
        {
            for (var s = 0; s < table.Series; s++)
            {
                var values = panel.Values(s);
                for (var t = from; t < to; t++)
                {
                    table[k, s, t] = values[t] * Math.Exp(0.06 * Normal(random));
                }
            }
        }

        return SurgeRule.FromCalibration(panel, table, options);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static ConformalForecaster NewForecaster(SeriesPanel panel)
    {
        var inner = new HistoricalMedianModel(4).Fit(panel, Days * 24);
        var levels = ConformalOptions.DefaultLevels;
        var offsets = new double[2 * levels.Count * Horizon * ConformalCalibration.HourBuckets];
        for (var k = 0; k < levels.Count; k++)
        {
            for (var side = 0; side < 2; side++)
            {
                for (var h = 1; h <= Horizon; h++)
                {
                    var z = (k == 0 ? 1.28 : 1.96) * (1 + (0.02 * h)) * (side == 0 ? -1 : 1);
                    offsets.AsSpan(((((2 * k) + side) * Horizon) + h - 1) * ConformalCalibration.HourBuckets, ConformalCalibration.HourBuckets).Fill(z);
                }
            }
        }

        return new ConformalForecaster(inner, new ConformalCalibration(levels, Horizon, offsets), IntervalScale.Of(panel, Days * 24));
    }
}

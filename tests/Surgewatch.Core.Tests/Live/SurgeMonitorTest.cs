using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Core.Tests.Live;

public class SurgeMonitorTest
{
    // Lower probability levels than the defaults, so that the small city gives many warnings to compare.
    private static readonly WarningEvaluationOptions Options = new(CalibrationWeeks: 4, MinimumDays: 60, LiveProbability: 0.1, DayAheadProbability: 0.05, WithdrawProbability: 0.05);

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Issue_SyntheticCityReplayedSlotBySlot_WarnsTheSameEpisodesAsTheEvaluation(int seed)
    {
        var (panel, testStart) = City(seed);
        var model = new HistoricalMedianModel(4);

        var expected = EvaluatedEpisodes(panel, model, testStart);
        var live = LiveEpisodes(panel, model, testStart);

        expected.Should().NotBeEmpty("the synthetic city has surges to warn about");
        live.Should().Equal(expected);
    }

    [Fact]
    public void Issue_BeforeSettleFrom_ForecastsButWarnsNothing()
    {
        var (panel, testStart) = City(3);
        var model = new HistoricalMedianModel(4);
        var rule = SurgeRule.Calibrate(panel, model, testStart, Options);
        var monitor = new SurgeMonitor(rule) { SettleFrom = panel.LabelAt(panel.Length) };
        var forecaster = model.Fit(panel, testStart);

        for (var i = testStart; i < panel.Length; i++)
        {
            monitor.Issue(panel, i, forecaster);
        }

        monitor.Episodes().Should().BeEmpty();
        monitor.Latest.Should().Contain(c => c.Probability != null);
    }

    [Fact]
    public void Evaluate_WarnedCounter_FiresOneAlertPerCounterAndResolvesWhenTheWarningEnds()
    {
        var (panel, testStart) = City(3);
        var model = new HistoricalMedianModel(4);
        var monitor = new SurgeMonitor(SurgeRule.Calibrate(panel, model, testStart, Options));
        var forecaster = model.Fit(panel, testStart);
        var fired = new List<AlertEvent>();

        for (var i = testStart; i < panel.Length; i++)
        {
            monitor.Issue(panel, i, forecaster);
            var now = new DateTimeOffset(panel.LabelAt(i).ToDateTime(), TimeSpan.Zero);
            fired.AddRange(monitor.Evaluate(now, [], NotificationPolicy.For(new EscalationStep("operators", TimeSpan.Zero))).Events);
        }

        fired.Should().Contain(e => e.State == AlertState.Firing && e.RuleId == SurgeMonitor.RuleId);
        fired.Should().Contain(e => e.State == AlertState.Resolved);
        fired.Select(e => e.AlertKey).Distinct().Should().OnlyContain(k => k.StartsWith(SurgeMonitor.RuleId + "/syn-", StringComparison.Ordinal));
        monitor.Alerts.Should().OnlyContain(a => !double.IsNaN(monitor.Rule.Thresholds[monitor.Rule.Sensors.ToList().IndexOf(new SensorId(a.Subject))]));
    }

    [Fact]
    public void Issue_MonitorsOfComplementaryGroups_GiveEachCounterWhatTheWholeMonitorGives()
    {
        var (panel, testStart) = City(3);
        var model = new HistoricalMedianModel(4);
        var rule = SurgeRule.Calibrate(panel, model, testStart, Options);
        var forecaster = model.Fit(panel, testStart);
        var first = SensorGroups.Single(SensorGroups.Of(rule.Sensors[0]));
        var parts = new[] { first, SensorGroups.All.Except(first) };
        parts.Should().OnlyContain(p => rule.Sensors.Any(p.Covers), "both parts hold counters");
        var whole = new SurgeMonitor(rule);
        var split = parts.Select(p => new SurgeMonitor(rule, p)).ToArray();
        var policy = NotificationPolicy.For(new EscalationStep("operators", TimeSpan.Zero));
        var (wholeEvents, splitEvents) = (new List<AlertEvent>(), new List<AlertEvent>());

        for (var i = testStart; i < panel.Length; i++)
        {
            var now = new DateTimeOffset(panel.LabelAt(i).ToDateTime(), TimeSpan.Zero);
            var expected = whole.Issue(panel, i, forecaster);
            wholeEvents.AddRange(whole.Evaluate(now, [], policy).Events);
            var outlooks = new List<CounterSurge>();
            for (var p = 0; p < split.Length; p++)
            {
                var issued = split[p].Issue(panel, i, forecaster);
                issued.Should().OnlyContain(c => parts[p].Covers(c.Sensor), "a monitor gives the outlooks of its own groups' counters");
                outlooks.AddRange(issued);
                splitEvents.AddRange(split[p].Evaluate(now, [], policy).Events);
            }

            outlooks.Should().BeEquivalentTo(expected);
        }

        wholeEvents.Should().Contain(e => e.State == AlertState.Firing);
        splitEvents.Should().BeEquivalentTo(wholeEvents);
        split.SelectMany(m => m.Episodes()).Should().BeEquivalentTo(whole.Episodes());
        split[0].Alerts.Should().OnlyContain(a => first.Covers(a.Subject));
    }

    [Fact]
    public void Evaluate_GroupsLeftOut_LetsTheirAlertsGoAndKeepsTheOthers()
    {
        var (panel, testStart) = City(3);
        var model = new HistoricalMedianModel(4);
        var monitor = new SurgeMonitor(SurgeRule.Calibrate(panel, model, testStart, Options));
        var forecaster = model.Fit(panel, testStart);
        var now = new DateTimeOffset(panel.LabelAt(testStart).ToDateTime(), TimeSpan.Zero);
        var policy = NotificationPolicy.For(new EscalationStep("operators", TimeSpan.Zero));
        monitor.Issue(panel, testStart, forecaster);
        monitor.Evaluate(now, [], policy);
        var kept = SensorGroups.Single(SensorGroups.Of(monitor.Alerts.First().Subject));

        monitor.Evaluate(now.AddMinutes(1), [], policy, kept);

        monitor.Alerts.Should().NotBeEmpty().And.OnlyContain(a => kept.Covers(a.Subject));
    }

    [Fact]
    public void SurgeRule_WrittenAndRead_GivesTheSameProbabilities()
    {
        var (panel, testStart) = City(3);
        var rule = SurgeRule.Calibrate(panel, new HistoricalMedianModel(4), testStart, Options with { PoolSensors = false, HourGroups = 4, LevelEdges = [0.5, 0.9] });

        var read = SurgeRule.FromBytes(rule.ToBytes());

        read.Sensors.Should().Equal(rule.Sensors);
        read.Thresholds.Should().Equal(rule.Thresholds);
        read.Options.Should().BeEquivalentTo(rule.Options);
        for (var s = 0; s < rule.Sensors.Count; s++)
        {
            foreach (var point in (double[])[10, 120, 480, 2000])
            {
                for (var k = 0; k <= rule.Options.RollingHorizon; k++)
                {
                    read.Calibration.Probability(s, k, point, 500, 18).Should().Be(rule.Calibration.Probability(s, k, point, 500, 18));
                }
            }
        }
    }

    [Fact]
    public void SurgeRule_DamagedBytes_ThrowsModelStateException()
    {
        var (panel, testStart) = City(3);
        var bytes = SurgeRule.Calibrate(panel, new HistoricalMedianModel(4), testStart, Options).ToBytes();

        var read = () => SurgeRule.FromBytes(bytes.AsSpan(0, bytes.Length / 2));

        read.Should().Throw<ModelStateException>();
    }

    /// <summary>140 days of 6 hourly synthetic counters (monthly events at the riverside); the test is the last 40 days.</summary>
    private static (SeriesPanel Panel, int TestStart) City(int seed)
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(6, new DateOnly(2025, 1, 6), 140, TimeSpan.FromHours(1), Seed: seed));
        var panel = SeriesPanel.FromBatch(city.GenerateObservations(), TimeSpan.FromHours(1));
        return (panel, panel.FirstSlotAtOrAfter(TimeLabel.FromDate(new DateOnly(2025, 1, 6).AddDays(100))));
    }

    private static IReadOnlyList<WarningEpisode> EvaluatedEpisodes(SeriesPanel panel, IForecastModel model, int testStart)
    {
        var swept = new WarningEvaluator(TimeProvider.System).Sweep(panel, model, testStart, panel.Length, Options, null, CancellationToken.None);
        return SurgeReplay.Evaluated(panel, WarningEvaluator.Flags(panel, swept, Options), testStart, panel.Length);
    }

    /// <summary>
    /// The deployment path: the rule calibrated and the model fitted before the test, its state saved and loaded onto a
    /// panel that receives each slot's readings only when the slot has ended, one issue per slot.
    /// </summary>
    private static IReadOnlyList<WarningEpisode> LiveEpisodes(SeriesPanel panel, IPersistentForecastModel model, int testStart)
    {
        var rule = SurgeRule.Calibrate(panel, model, testStart, Options);
        var state = model.SaveState(model.Fit(panel, testStart));
        return SurgeReplay.Live(panel, rule, live => model.Load(state, live), testStart, panel.Length);
    }
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

/// <summary>
/// A synthetic corridor of two roads at 5 minutes, Monday 2024-01-01 to Wednesday 10 January: on weekdays both slow to
/// 45 mph at 07:00 and jam at 20 mph from 07:30 to 08:30 (free flow 60); on the last day road 1 also has an incident,
/// slowing at 13:40 and jammed from 14:00 to 15:00, which no profile foresees. The congestion rule is calibrated on the
/// day before it, from the same-kind-of-day profile's forecasts.
/// </summary>
internal static class RoadCorridor
{
    public const int PerDay = 288;
    public const int Days = 10;
    public const int TestDay = 9;
    public const int TestStart = TestDay * PerDay;
    public static readonly TimeLabel Monday = TimeLabel.FromDate(new DateOnly(2024, 1, 1));

    public static readonly WarningEvaluationOptions Options = new(RollingHorizon: 12, DayAhead: false, KeepFiringHours: 0, Congestion: CongestionRuleOptions.Default);

    public static int Slot(int day, int hour, int minute) => (day * PerDay) + (hour * 12) + (minute / 5);

    public static SeriesPanel Panel()
    {
        var roads = new double[2][];
        for (var r = 0; r < roads.Length; r++)
        {
            roads[r] = new double[Days * PerDay];
            for (var t = 0; t < roads[r].Length; t++)
            {
                var day = t / PerDay;
                var weekday = day % 7 < 5;
                var minute = (t % PerDay) * 5;
                roads[r][t] = (weekday, minute) switch
                {
                    (true, >= 450 and < 510) => 20,
                    (true, >= 420 and < 450) => 45,
                    _ => 60 + ((t * 7 % 5) - 2) * 0.5,
                };
            }
        }

        for (var t = Slot(TestDay, 13, 40); t < Slot(TestDay, 15, 0); t++)
        {
            roads[1][t] = t < Slot(TestDay, 14, 0) ? 45 : 20;
        }

        return new SeriesPanel(Monday, TimeSpan.FromMinutes(5), [new SensorId("road-a"), new SensorId("road-b")], roads);
    }

    /// <summary>The profile model's forecasts swept over the calibration day and the test day, and the rule calibrated on them.</summary>
    public static (SeriesPanel Panel, SweptForecasts Swept, CongestionRule Rule) Calibrated()
    {
        var panel = Panel();
        var swept = new WarningEvaluator(TimeProvider.System).Sweep(panel, new DayKindMedianModel(), TestStart, panel.Length, Options, null, CancellationToken.None);
        return (panel, swept, CongestionRule.FromCalibration(panel, swept.Calibration, Options));
    }
}

/// <summary>The congestion rule on <see cref="RoadCorridor"/>.</summary>
public sealed class CongestionRuleTest
{
    private const int PerDay = RoadCorridor.PerDay;
    private const int TestDay = RoadCorridor.TestDay;
    private static readonly WarningEvaluationOptions Options = RoadCorridor.Options;

    private static int Slot(int day, int hour, int minute) => RoadCorridor.Slot(day, hour, minute);

    private static SeriesPanel Corridor() => RoadCorridor.Panel();

    private static (SeriesPanel Panel, WarningFlags Flags, CongestionRule Rule) Warn()
    {
        var (panel, swept, rule) = RoadCorridor.Calibrated();
        return (panel, CongestionRule.Flag(panel, swept.Test, RefitSchedule.Once(RoadCorridor.TestStart), [rule]), rule);
    }

    [Fact]
    public void Flag_RecurringRushHourJam_IsWarnedAtLeast40MinutesAhead()
    {
        var (_, flags, _) = Warn();

        foreach (var road in new[] { 0, 1 })
        {
            var earliest = flags.EarliestIssue(road)[Slot(TestDay, 7, 30)];
            (Slot(TestDay, 7, 30) - earliest).Should().BeGreaterThanOrEqualTo(8, $"road {road}'s jam at 07:30 is warned by 06:50");
        }
    }

    [Fact]
    public void Flag_IncidentJam_IsNotWarnedBeforeItsFirstSlowdown()
    {
        var (_, flags, _) = Warn();
        var issues = flags.EarliestIssue(1);

        for (var t = Slot(TestDay, 9, 0); t < Slot(TestDay, 15, 0); t++)
        {
            if (issues[t] != WarningFlags.Never)
            {
                issues[t].Should().BeGreaterThanOrEqualTo(Slot(TestDay, 13, 40), $"slot {t} was warned at {issues[t]}, before the slowdown");
            }
        }

        issues[Slot(TestDay, 14, 10)].Should().Be(Slot(TestDay, 14, 10), "the observed jam is warned once it has lasted 15 minutes, as a congestion is defined");
        flags.EarliestIssue(0)[Slot(TestDay, 14, 0)].Should().Be(WarningFlags.Never, "road 0 runs free all afternoon");
    }

    [Fact]
    public void ObservedRun_DipShorterThanTheShortestCongestion_IsNoJam()
    {
        double[] speeds = [60, 20, 20, 60, 20, 20, 20, 0, 20];

        CongestionRule.ObservedRun(speeds, 2, 36, run: 3).Should().BeFalse("two slots below the congested speed are a dip, not a jam");
        CongestionRule.ObservedRun(speeds, 5, 36, run: 3).Should().BeFalse();
        CongestionRule.ObservedRun(speeds, 6, 36, run: 3).Should().BeTrue("the third slot in a row completes a 15-minute congestion");
        CongestionRule.ObservedRun(speeds, 8, 36, run: 3).Should().BeFalse("an outage (0) breaks the run");
        CongestionRule.ObservedRun(speeds, 1, 36, run: 3).Should().BeFalse("before the run could be complete");
    }

    [Fact]
    public void Score_Corridor_FindsThreeOnsetsAndWarnsTheTwoRecurringOnes40MinutesAhead()
    {
        var (panel, flags, rule) = Warn();
        var road = rule.Road;

        var score = CongestionScorer.Score(panel, TestDay * PerDay, panel.Length, road.FreeFlows(panel, TestDay * PerDay), road.Ladder, road.Onsets, flags);

        score.Score.Events.Should().Be(3);
        score.RecallLead40m.Should().BeApproximately(2 / 3.0, 1e-9);
    }

    [Fact]
    public void Decide_CongestedNow_IsObservedNotForecast()
    {
        var (_, _, rule) = Warn();
        double[] free = [.. Enumerable.Repeat(60.0, 12)];

        rule.Decide(0, latest: 20, free, free).Should().Be(new CongestionDecision(true, double.NaN, false));
        rule.Decide(0, latest: 0, free, free).CongestedNow.Should().BeFalse("a zero speed is an outage, never a jam");
    }

    [Fact]
    public void FromBytes_SavedRule_DecidesAsTheRuleItWasSavedFrom()
    {
        var (_, _, rule) = Warn();
        double[] slowing = [.. Enumerable.Repeat(30.0, 12)];
        double[] free = [.. Enumerable.Repeat(60.0, 12)];

        var read = CongestionRule.FromBytes(rule.ToBytes());

        read.Sensors.Should().Equal(rule.Sensors);
        read.Thresholds.Should().Equal(rule.Thresholds);
        read.Window.Should().Be(rule.Window);
        read.Road.KeepFiring.Should().Be(rule.Road.KeepFiring);
        read.Road.ForecastEdges.Should().Equal(rule.Road.ForecastEdges);
        foreach (var (forecast, profile) in new[] { (slowing, free), (free, slowing), (free, free), (slowing, slowing) })
        {
            read.Decide(1, 60, forecast, profile).Should().Be(rule.Decide(1, 60, forecast, profile));
        }
    }

    [Fact]
    public void FromBytes_DamagedBytes_ThrowsModelStateException()
    {
        var (_, _, rule) = Warn();
        var bytes = rule.ToBytes();

        var act = () => CongestionRule.FromBytes(bytes.AsSpan(0, bytes.Length / 2));

        act.Should().Throw<Surgewatch.Core.Forecasting.Persistence.ModelStateException>();
    }

    [Fact]
    public void FromCalibration_WithoutRoadSettings_Throws()
    {
        var panel = Corridor();
        var act = () => CongestionRule.FromCalibration(panel, new ForecastTable(13, 2, PerDay * 8, PerDay * 9), Options with { Congestion = null });

        act.Should().Throw<ArgumentException>().WithMessage("*road settings*");
    }
}

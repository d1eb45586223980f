using Surgewatch.Core.Alerting;
using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Roads;

namespace Surgewatch.Core.Tests.Roads;

public sealed class CongestionMonitorTest
{
    /// <summary>Issues the monitor at every slot of the test day with the swept forecasts; returns what it settled per slot and road.</summary>
    private static (bool[][] Settled, List<AlertEvent> Events, CongestionMonitor Monitor) Run()
    {
        var (panel, swept, rule) = RoadCorridor.Calibrated();
        var monitor = new CongestionMonitor(rule);
        var window = rule.Window;
        var settled = new[] { new bool[panel.Length], new bool[panel.Length] };
        var events = new List<AlertEvent>();
        var forecasts = new double[panel.Sensors.Count * window];
        for (var issue = RoadCorridor.TestStart; issue <= panel.Length; issue++)
        {
            for (var s = 0; s < panel.Sensors.Count; s++)
            {
                for (var h = 1; h <= window; h++)
                {
                    forecasts[(s * window) + h - 1] = swept.Test[h, s, issue + h - 1];
                }
            }

            monitor.Issue(panel, issue, forecasts);
            var now = new DateTimeOffset(panel.LabelAt(issue).ToDateTime(), TimeSpan.Zero);
            events.AddRange(monitor.Evaluate(now, [], NotificationPolicy.For(new EscalationStep("operators", TimeSpan.Zero))).Events);
            for (var road = 0; road < 2 && issue > RoadCorridor.TestStart; road++)
            {
                settled[road][issue - 1] = monitor.SettledWarned(road);
            }
        }

        return (settled, events, monitor);
    }

    [Fact]
    public void Issue_SlotBySlot_SettlesExactlyTheSlotsTheEvaluationFlags()
    {
        var (panel, swept, rule) = RoadCorridor.Calibrated();
        var flags = CongestionRule.Flag(panel, swept.Test, RefitSchedule.Once(RoadCorridor.TestStart), [rule]);

        var (settled, _, _) = Run();

        for (var road = 0; road < 2; road++)
        {
            var expected = Enumerable.Range(RoadCorridor.TestStart, panel.Length - RoadCorridor.TestStart).Where(t => flags.EarliestIssue(road)[t] != WarningFlags.Never);
            var actual = Enumerable.Range(RoadCorridor.TestStart, panel.Length - RoadCorridor.TestStart).Where(t => settled[road][t]);
            actual.Should().Equal(expected, $"road {road}: the live monitor warns the slots the evaluation scores");
        }
    }

    [Fact]
    public void Evaluate_RushHourJam_FiresBeforeTheJamAndResolvesAfterIt()
    {
        var (_, events, _) = Run();
        var jam = RoadCorridor.Monday + (TimeSpan.FromDays(RoadCorridor.TestDay) + TimeSpan.FromHours(7.5));
        var jamStart = new DateTimeOffset(jam.ToDateTime(), TimeSpan.Zero);

        var firing = events.Where(e => e.State == AlertState.Firing && e.AlertKey == AlertStatus.KeyOf(CongestionMonitor.RuleId, "road-a")).ToList();

        firing.Should().NotBeEmpty();
        firing[0].At.Should().BeOnOrBefore(jamStart - TimeSpan.FromMinutes(40), "the recurring jam is announced at least 40 minutes ahead");
        events.Should().Contain(e => e.State == AlertState.Resolved && e.AlertKey == AlertStatus.KeyOf(CongestionMonitor.RuleId, "road-a"));
    }

    [Fact]
    public void Issue_Outlook_GivesLevelsFromTheLatestReadingAndTheLowestForecast()
    {
        var (_, _, monitor) = Run();

        // After the last slot (23:55, free flow) both roads are free, with the profile's calm night ahead.
        monitor.Latest.Should().HaveCount(2).And.OnlyContain(o => o.Level == CongestionLevel.Free && !o.Warned && o.Fresh);
    }
}

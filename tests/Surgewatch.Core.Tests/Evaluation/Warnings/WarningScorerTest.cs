using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class WarningScorerTest
{
    // Two days of hourly data; the test period is day 2 (slots 24..47). Threshold 10.
    private static readonly double[] Thresholds = [10];

    [Fact]
    public void Score_EventWarnedTheDayBefore_CountsLeadAndDayAheadRecall()
    {
        var values = Quiet(48);
        values[30] = values[31] = 20;
        var panel = ForecastTestPanels.Hourly(values);
        var flags = new WarningFlags(1, 48);
        flags.Flag(0, 31, issueSlot: 24);

        var score = WarningScorer.Score(panel, 24, Thresholds, flags);

        score.Events.Should().Be(1);
        score.RecallLead1h.Should().Be(1);
        score.RecallDayAhead.Should().Be(1);
        score.MedianLeadHours.Should().Be(6);
        score.Episodes.Should().Be(1);
        score.Precision.Should().Be(1);
        score.FalseEpisodesPerSensor30d.Should().Be(0);
    }

    [Fact]
    public void Score_WarningIssuedInTheEventsFirstHour_IsNoLeadAndNotDayAhead()
    {
        var values = Quiet(48);
        values[30] = 20;
        var flags = new WarningFlags(1, 48);
        flags.Flag(0, 30, issueSlot: 30);

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, Thresholds, flags);

        score.RecallLead1h.Should().Be(0);
        score.RecallDayAhead.Should().Be(0);
        score.MedianLeadHours.Should().Be(0);
    }

    [Fact]
    public void Score_EpisodeWithinAnHourOfAnEvent_IsCorrectAndOneFurtherAwayIsFalse()
    {
        var values = Quiet(48);
        values[30] = 20;
        var flags = new WarningFlags(1, 48);
        flags.Flag(0, 29, 25);
        flags.Flag(0, 40, 25);
        flags.Flag(0, 41, 25);

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, Thresholds, flags);

        score.Episodes.Should().Be(2);
        score.Precision.Should().Be(0.5);
        score.FalseEpisodesPerSensor30d.Should().Be(30);
        score.RecallLead1h.Should().Be(0, "recall needs a warning for an hour of the event itself");
    }

    [Fact]
    public void Score_MissingReadingsSplitEventsAndAreNeverWarnedSlots()
    {
        var values = Quiet(48);
        values[30] = values[32] = 20;
        values[31] = double.NaN;
        var flags = new WarningFlags(1, 48);
        flags.Flag(0, 31, 24);

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, Thresholds, flags);

        score.Events.Should().Be(2);
        score.Episodes.Should().Be(0);
        score.RecallLead1h.Should().Be(0);
    }

    [Fact]
    public void Score_SensorWithoutThreshold_IsNotEvaluated()
    {
        var values = Quiet(48);
        values[30] = 20;

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, [double.NaN], new WarningFlags(1, 48));

        score.Sensors.Should().Be(0);
        score.Events.Should().Be(0);
        double.IsNaN(score.RecallLead1h).Should().BeTrue();
    }

    [Fact]
    public void Score_SixWarnedOfTwentyThreeReadHours_WarnedHourFractionIsTheirShare()
    {
        var values = Quiet(48);
        values[40] = double.NaN;
        var flags = new WarningFlags(1, 48);
        for (var t = 36; t < 42; t++)
        {
            flags.Flag(0, t, 24); // 40 has no reading, so 5 of its 6 slots count
        }

        flags.Flag(0, 20, 10); // before the test period

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, Thresholds, flags);

        score.WarnedHourFraction.Should().BeApproximately(5.0 / 23, 1e-12);
    }

    [Fact]
    public void Score_TestEndBeforeThePanelEnds_IgnoresLaterSlots()
    {
        var values = Quiet(72);
        values[30] = values[60] = 20;
        var flags = new WarningFlags(1, 72);
        flags.Flag(0, 60, 50);

        var score = WarningScorer.Score(ForecastTestPanels.Hourly(values), 24, 48, Thresholds, flags);

        score.Events.Should().Be(1);
        score.Episodes.Should().Be(0);
        score.TestDays.Should().Be(1);
    }

    [Fact]
    public void ScoreWithSensors_TwoSensorsAndOneUnevaluated_GivesEachItsOwnFiguresThatAddUpToTheTotal()
    {
        var hit = Quiet(48);
        hit[30] = 20;
        var falseAlarms = Quiet(48);
        var unevaluated = Quiet(48);
        unevaluated[30] = 20;
        var panel = ForecastTestPanels.Hourly(hit, falseAlarms, unevaluated);
        var flags = new WarningFlags(3, 48);
        flags.Flag(0, 30, 26);
        flags.Flag(1, 33, 26);
        flags.Flag(1, 40, 26);
        double[] thresholds = [10, 10, double.NaN];

        var (total, bySensor) = WarningScorer.ScoreWithSensors(panel, 24, 48, thresholds, flags);

        bySensor.Select(b => b.Sensor.Value).Should().Equal("s0", "s1");
        bySensor[0].Score.Precision.Should().Be(1);
        bySensor[0].Score.RecallLead1h.Should().Be(1);
        bySensor[0].Score.FalseEpisodesPerSensor30d.Should().Be(0);
        bySensor[1].Score.Events.Should().Be(0);
        double.IsNaN(bySensor[1].Score.RecallLead1h).Should().BeTrue("a sensor without surges has no recall");
        bySensor[1].Score.Precision.Should().Be(0);
        bySensor[1].Score.FalseEpisodesPerSensor30d.Should().Be(60, "two false episodes in one day");
        bySensor[1].Threshold.Should().Be(10);
        bySensor.Sum(b => b.Score.Events).Should().Be(total.Events);
        bySensor.Sum(b => b.Score.Episodes).Should().Be(total.Episodes);
        total.Precision.Should().BeApproximately(1.0 / 3, 1e-12);
    }

    [Fact]
    public void ScoreWithSensors_ThresholdRaisedAtARefitPoint_JudgesEachSlotByTheThresholdInForce()
    {
        // Refit points 24 and 36: the threshold is 10 until slot 36, then 30; readings of 20 at slots 30 and 40.
        var values = Quiet(48);
        values[30] = 20;
        values[40] = 20;
        var flags = new WarningFlags(1, 48);
        flags.Flag(0, 40, 38);

        var (total, bySensor) = WarningScorer.ScoreWithSensors(
            ForecastTestPanels.Hourly(values), 24, 48, RefitSchedule.Every(24, 48, 12), [[10.0], [30.0]], flags);

        total.Events.Should().Be(1, "slot 40 is below the threshold in force then");
        total.RecallLead1h.Should().Be(0);
        total.Precision.Should().Be(0, "the warning for slot 40 overlaps no surge");
        bySensor[0].Threshold.Should().Be(10, "a sensor reports its threshold at the test start");
    }

    [Fact]
    public void ScoreWithSensors_OneSetOfThresholdsPerSegmentMissing_Throws()
    {
        var act = () => WarningScorer.ScoreWithSensors(
            ForecastTestPanels.Hourly(Quiet(48)), 24, 48, RefitSchedule.Every(24, 48, 12), [[10.0]], new WarningFlags(1, 48));

        act.Should().Throw<ArgumentException>().WithMessage("*one set of thresholds per refit segment*");
    }

    private static double[] Quiet(int n) => Enumerable.Repeat(5.0, n).ToArray();
}

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

    private static double[] Quiet(int n) => Enumerable.Repeat(5.0, n).ToArray();
}

using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public sealed class CongestionScorerTest
{
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    /// <summary>A 60 mph road at 5 minutes, free but for the congested slots (30 mph) and outages (0).</summary>
    private static double[] Road(int length, (int From, int To) congested, params int[] outages)
    {
        var speeds = Enumerable.Repeat(60.0, length).ToArray();
        for (var t = congested.From; t <= congested.To; t++)
        {
            speeds[t] = 30;
        }

        foreach (var t in outages)
        {
            speeds[t] = 0;
        }

        return speeds;
    }

    private static CongestionScore Score(double[] speeds, int testStart, WarningFlags flags) =>
        CongestionScorer.Score(ForecastTestPanels.Of(Five, speeds), testStart, speeds.Length, [60.0], CongestionLadder.Default, OnsetOptions.Default, flags);

    [Fact]
    public void Score_OnsetWarned45MinutesAhead_CountsAtBothLeadsWithOneCorrectEpisode()
    {
        var speeds = Road(120, (60, 70));
        var flags = new WarningFlags(1, 120);
        for (var t = 58; t <= 70; t++)
        {
            flags.Flag(0, t, issueSlot: 51); // issued 45 min before the onset at 60
        }

        var score = Score(speeds, 12, flags);

        score.Score.Events.Should().Be(1);
        score.RecallLead15m.Should().Be(1);
        score.RecallLead40m.Should().Be(1);
        score.Score.MedianLeadHours.Should().Be(0.75);
        score.Score.Episodes.Should().Be(1);
        score.Score.Precision.Should().Be(1);
        score.FalseEpisodesPerSensorDay.Should().Be(0);
    }

    [Fact]
    public void Score_OnsetWarned20MinutesAhead_CountsAt15MinutesOnly()
    {
        var speeds = Road(120, (60, 70));
        var flags = new WarningFlags(1, 120);
        flags.Flag(0, 62, issueSlot: 56);

        var score = Score(speeds, 12, flags);

        score.RecallLead15m.Should().Be(1);
        score.RecallLead40m.Should().Be(0);
    }

    [Fact]
    public void Score_WarningForASlotWithin15MinutesBeforeTheOnset_StillAnnouncesIt()
    {
        var speeds = Road(120, (60, 70));
        var flags = new WarningFlags(1, 120);
        flags.Flag(0, 57, issueSlot: 50); // predicts congestion 15 min early, 50 min ahead of the real onset

        var score = Score(speeds, 12, flags);

        score.RecallLead40m.Should().Be(1);
        score.Score.Precision.Should().Be(1);
    }

    [Fact]
    public void Score_WarningFarFromAnyOnsetAndAnUnwarnedOnset_IsOneFalseEpisodeAndNoRecall()
    {
        var speeds = Road(288, (200, 210));
        var flags = new WarningFlags(1, 288);
        flags.Flag(0, 100, issueSlot: 90);
        flags.Flag(0, 101, issueSlot: 90);

        var score = Score(speeds, 0, flags);

        score.Score.Events.Should().Be(1);
        score.RecallLead15m.Should().Be(0);
        score.Score.Episodes.Should().Be(1);
        score.Score.Precision.Should().Be(0);
        score.FalseEpisodesPerSensorDay.Should().Be(1, "one false episode on one sensor over one day");
    }

    [Fact]
    public void Score_OutagesAndUnknownFreeFlow_AreNeitherOnsetsNorJudgedSlots()
    {
        var speeds = Road(120, (0, -1), outages: [.. Enumerable.Range(60, 10)]);
        var flags = new WarningFlags(1, 120);
        flags.Flag(0, 65, issueSlot: 55);

        var score = Score(speeds, 12, flags);
        var unknown = CongestionScorer.Score(ForecastTestPanels.Of(Five, speeds), 12, 120, [double.NaN], CongestionLadder.Default, OnsetOptions.Default, flags);

        score.Score.Events.Should().Be(0, "a run of zeros is an outage, not a jam");
        score.Score.Episodes.Should().Be(0, "a warned outage slot cannot be judged");
        unknown.Score.Sensors.Should().Be(0);
    }

    [Fact]
    public void Score_OnsetBeforeTheTestStart_IsNotCounted()
    {
        var speeds = Road(120, (20, 30));

        var score = Score(speeds, 40, new WarningFlags(1, 120));

        score.Score.Events.Should().Be(0);
    }
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

public sealed class ExpectedJamsTest
{
    private static readonly SensorId Road = new("r1");
    private static readonly TimeLabel First = TimeLabel.FromDate(new DateOnly(2025, 2, 7)) + TimeSpan.FromHours(7);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly OnsetOptions Onsets = new(MinRun: TimeSpan.FromMinutes(15), QuietBefore: TimeSpan.FromMinutes(30));

    // Free flow 60 (congested below 36, jammed below 24).
    private static IReadOnlyList<ExpectedJam> Find(params double[] forecast) =>
        ExpectedJams.Find(Road, forecast, First, Step, 36, CongestionLadder.Default, Onsets);

    [Fact]
    public void Find_RunOfFifteenMinutesBelowTheCongestedSpeed_IsOneJamWithItsLowestSpeedAndLevel()
    {
        var jams = Find(60, 50, 30, 20, 33, 55, 60);

        jams.Should().Equal(new ExpectedJam(Road, First + (Step * 2), First + (Step * 5), 20, CongestionLevel.Jammed));
    }

    [Fact]
    public void Find_DipShorterThanTheShortestCongestion_IsNoJam()
    {
        Find(60, 30, 30, 60, 35, 60).Should().BeEmpty("ten minutes below the congested speed are not a congestion");
    }

    [Fact]
    public void Find_OutageInsideARun_BreaksIt()
    {
        Find(30, 30, 0, 30, 30, 30).Should().Equal(new ExpectedJam(Road, First + (Step * 3), First + (Step * 6), 30, CongestionLevel.Congested));
    }

    [Fact]
    public void Find_RunToTheEndOfTheForecast_EndsWithIt()
    {
        Find(60, 34, 34, 34).Should().ContainSingle().Which.To.Should().Be(First + (Step * 4));
    }

    [Fact]
    public void Find_RoadWithoutACongestedSpeed_IsNoJam()
    {
        ExpectedJams.Find(Road, [10, 10, 10, 10], First, Step, double.NaN, CongestionLadder.Default, Onsets).Should().BeEmpty();
    }

    [Fact]
    public void InWindow_SeveralRoads_CutsToTheWindowSortsByStartAndLeavesOutRoadsTheRuleDoesNotKnow()
    {
        SensorId r2 = new("r2"), stranger = new("stranger");
        var rule = Rule([Road, r2], [36, 36]);
        double[] points =
        [
            60, 30, 30, 30, 30, 60, // r1: 07:05–07:25, starts before the window
            60, 60, 60, 30, 30, 30, // r2: 07:15–07:30, runs past its end
            30, 30, 30, 30, 30, 30, // stranger: no congested speed under this rule
        ];

        var jams = ExpectedJams.InWindow([Road, r2, stranger], points, 6, First, Step, rule, First + (Step * 2), First + (Step * 5));

        jams.Should().Equal(
            new ExpectedJam(Road, First + (Step * 2), First + (Step * 5), 30, CongestionLevel.Congested),
            new ExpectedJam(r2, First + (Step * 3), First + (Step * 5), 30, CongestionLevel.Congested));
    }

    [Fact]
    public void InWindow_JamOutsideTheWindow_IsLeftOut()
    {
        var jams = ExpectedJams.InWindow([Road], [30, 30, 30, 60, 60, 60], 6, First, Step, Rule([Road], [36]), First + (Step * 3), First + (Step * 6));

        jams.Should().BeEmpty();
    }

    private static CongestionRule Rule(IReadOnlyList<SensorId> roads, double[] thresholds) =>
        new(roads, thresholds, CongestionCalibration.Fit([], [0.5], [0.5]), Surgewatch.Core.Evaluation.Warnings.WarningEvaluationOptions.ForRoads(Step), Step);
}

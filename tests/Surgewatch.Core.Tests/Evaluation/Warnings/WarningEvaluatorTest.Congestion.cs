using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Live;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public partial class WarningEvaluatorTest
{
    private const int PerDay = 288;

    private static readonly WarningEvaluationOptions Roads = new(RollingHorizon: 12, DayAhead: false, KeepFiringHours: 0, Congestion: CongestionRuleOptions.Default);

    [Fact]
    public void Run_RushHourJamWithSeasonalNaiveDay_IsWarnedAtLeast40MinutesAheadAndTheIncidentNotBeforeItStarts()
    {
        // Ten days of a 65 mph road at 5 minutes with a jam every morning 07:30-08:30 (25 mph); on the test day
        // (day 10) an incident jams it at 14:00-14:45, which yesterday's profile cannot foresee.
        var speeds = Road(days: 10, incidentDay: 9);
        var panel = ForecastTestPanels.Of(TimeSpan.FromMinutes(5), speeds);

        var result = new WarningEvaluator(TimeProvider.System).Run(panel, new SeasonalNaiveModel(SeasonalPeriod.Day), 9 * PerDay, Roads, null, CancellationToken.None);

        var congestion = result.Congestion!;
        congestion.Score.Events.Should().Be(2, "the rush-hour jam and the incident");
        congestion.RecallLead40m.Should().Be(0.5, "the recurring jam is forecast an hour ahead; the incident is not");
        var swept = new WarningEvaluator(TimeProvider.System).Sweep(panel, new SeasonalNaiveModel(SeasonalPeriod.Day), 9 * PerDay, panel.Length, Roads, null, CancellationToken.None);
        var flags = CongestionRule.Flag(panel, swept.Test, RefitSchedule.Once(9 * PerDay), [CongestionRule.FromCalibration(panel, swept.Calibration, Roads)]);
        var incident = (9 * PerDay) + (14 * 12);
        flags.EarliestIssue(0)[(incident - 36)..incident].ToArray().Should().OnlyContain(i => i == WarningFlags.Never, "nothing foretells the incident in the three hours before it");
        result.Thresholds[0].Should().BeApproximately(0.6 * 67, 0.01, "the threshold is the congested speed: 0.6 of free flow, the 85th percentile of 63-67 mph");
    }

    [Fact]
    public void Calibrate_RoadSettings_AreRefusedBySurgeRule()
    {
        var panel = ForecastTestPanels.Of(TimeSpan.FromMinutes(5), Road(days: 4, incidentDay: -1));

        var act = () => SurgeRule.Calibrate(panel, new SeasonalNaiveModel(SeasonalPeriod.Day), 3 * PerDay, Roads);

        act.Should().Throw<ArgumentException>().WithMessage("*congestion rule*");
    }

    private static double[] Road(int days, int incidentDay)
    {
        var random = new Random(3);
        var speeds = new double[days * PerDay];
        for (var t = 0; t < speeds.Length; t++)
        {
            var slot = t % PerDay;
            var day = t / PerDay;
            speeds[t] = 65 + random.Next(-2, 3);
            if (slot is >= 90 and < 102)
            {
                speeds[t] = 25 + random.Next(-2, 3); // 07:30-08:30
            }

            if (day == incidentDay && slot is >= 168 and < 177)
            {
                speeds[t] = 20 + random.Next(-2, 3); // 14:00-14:45
            }
        }

        return speeds;
    }
}

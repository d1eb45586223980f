using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class ExceedanceRuleTest
{
    // Two days of hourly data, threshold 100; calibration on day 1 (readings equal to the forecasts: ratio 1), rule on day 2.
    private static readonly double[] Thresholds = [100];

    [Fact]
    public void Flag_LiveForecastAboveThreshold_WarnsFromItsIssueSlot()
    {
        var (panel, calibration) = Setup();
        var test = new ForecastTable(3, 1, 24, 48);
        test[2, 0, 30] = 150; // two slots ahead: issued at slot 29
        test[1, 0, 30] = 150;
        test[2, 0, 33] = 50;

        var flags = ExceedanceRule.Flag(panel, test, Thresholds, calibration, new WarningEvaluationOptions(RollingHorizon: 2));

        flags.EarliestIssue(0)[30].Should().Be(29);
        flags.EarliestIssue(0)[33].Should().Be(WarningFlags.Never);
    }

    [Fact]
    public void Flag_DayAheadWarningTheLiveForecastRulesOut_IsWithdrawn()
    {
        var (panel, calibration) = Setup();
        var test = new ForecastTable(3, 1, 24, 48);
        test[0, 0, 30] = test[0, 0, 31] = 150; // the day-ahead briefing warns of 30 and 31
        test[1, 0, 30] = 50; // the latest live forecast for 30 no longer reaches it
        test[1, 0, 31] = 150;

        var flags = ExceedanceRule.Flag(panel, test, Thresholds, calibration, new WarningEvaluationOptions(RollingHorizon: 2, WithdrawProbability: 0.05));
        var kept = ExceedanceRule.Flag(panel, test, Thresholds, calibration, new WarningEvaluationOptions(RollingHorizon: 2, WithdrawProbability: 0));

        flags.EarliestIssue(0)[30].Should().Be(WarningFlags.Never);
        flags.EarliestIssue(0)[31].Should().Be(24, "the day-ahead warning stands, issued at the start of the day");
        kept.EarliestIssue(0)[30].Should().Be(24);
    }

    [Fact]
    public void Flag_Pending_WarnsOnlyWhenTheEarlierForecastAgrees()
    {
        var (panel, calibration) = Setup();
        var test = new ForecastTable(3, 1, 24, 48);
        test[1, 0, 30] = 150; // only the latest forecast reaches it
        test[2, 0, 35] = test[1, 0, 35] = 150; // both do

        var flags = ExceedanceRule.Flag(panel, test, Thresholds, calibration, new WarningEvaluationOptions(RollingHorizon: 2, Pending: true));

        flags.EarliestIssue(0)[30].Should().Be(WarningFlags.Never);
        flags.EarliestIssue(0)[35].Should().Be(35, "confirmed by the two-slot forecast, it warns from the one-slot forecast's issue");
    }

    [Fact]
    public void Flag_SensorWithoutThreshold_IsNeverWarned()
    {
        var (panel, calibration) = Setup();
        var test = new ForecastTable(3, 1, 24, 48);
        test[1, 0, 30] = 1e6;

        var flags = ExceedanceRule.Flag(panel, test, [double.NaN], calibration, new WarningEvaluationOptions(RollingHorizon: 2));

        flags.EarliestIssue(0)[30].Should().Be(WarningFlags.Never);
    }

    private static (SeriesPanel Panel, ExceedanceCalibration Calibration) Setup()
    {
        var values = new double[48];
        var table = new ForecastTable(3, 1, 0, 24);
        for (var t = 0; t < 24; t++)
        {
            values[t] = 40 + (4 * t);
            for (var k = 0; k < 3; k++)
            {
                table[k, 0, t] = values[t];
            }
        }

        var panel = ForecastTestPanels.Hourly(values);
        return (panel, ExceedanceCalibration.Fit(panel, table, Thresholds, null, poolSensors: false));
    }
}

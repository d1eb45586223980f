using Surgewatch.Core.Evaluation.Refitting;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Evaluation.Refitting;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public partial class WarningEvaluatorTest
{
    private const int Week = 7 * 24;
    private static readonly WarningEvaluationOptions TwoWeeks = new(CalibrationWeeks: 2);
    private static readonly TimeSpan Weekly = TimeSpan.FromDays(7);

    [Fact]
    public void Sweep_RefitWeekly_FitsEachRefitPointOnceAndEachCalibrationStartOnce()
    {
        // Test weeks 24-29: refit points 24w … 29w; calibration starts 22w … 27w, of which 24w … 27w are refit points too.
        var model = new TrainingMeanModel();

        var swept = Sweep(ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7)), model, Weekly);

        model.TrainEnds.Should().Equal(22 * Week, 24 * Week, 23 * Week, 25 * Week, 26 * Week, 27 * Week, 28 * Week, 29 * Week);
        swept.Fits.Should().Be(8);
        swept.Refits.Select(r => r.Point).Should().Equal(25 * Week, 26 * Week, 27 * Week, 28 * Week, 29 * Week);
        swept.Refits.Select(r => (r.Calibration.From, r.Calibration.To)).Should().Equal(
            (23 * Week, 25 * Week), (24 * Week, 26 * Week), (25 * Week, 27 * Week), (26 * Week, 28 * Week), (27 * Week, 29 * Week));
    }

    [Fact]
    public void Sweep_RefitWeekly_EveryForecastComesFromTheFitInForceWhenItIsIssued()
    {
        var panel = ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7));

        var swept = Sweep(panel, new TrainingMeanModel(), Weekly);

        var schedule = swept.Schedule();
        var test = swept.Test;
        for (var k = 0; k < test.Kinds; k++)
        {
            for (var t = test.From; t < test.To; t++)
            {
                var point = schedule.Points[schedule.SegmentOf(ForecastTable.IssueSlot(panel, k, t))];
                test[k, 0, t].Should().Be(TrainingMeanModel.MeanBefore(panel, 0, point), $"kind {k} for slot {t}");
            }
        }

        foreach (var refit in swept.Refits)
        {
            refit.Calibration[1, 0, refit.Point - 1].Should().Be(TrainingMeanModel.MeanBefore(panel, 0, refit.Calibration.From), "the calibration weeks are forecast out of sample");
        }
    }

    [Fact]
    public void Sweep_ValueChangedAfterARefitPoint_ChangesNoForecastIssuedBeforeTheNextRefit()
    {
        // Slot 26w + 30 lies in the segment of the refit at 26w, which ends at 27w.
        var values = WeeklySurges(30, seed: 7);
        var changed = (double[])values.Clone();
        changed[(26 * Week) + 30] = 5000;
        var panel = ForecastTestPanels.Hourly(values);

        var before = Sweep(panel, new TrainingMeanModel(), Weekly);
        var after = Sweep(ForecastTestPanels.Hourly(changed), new TrainingMeanModel(), Weekly);

        for (var k = 0; k < before.Test.Kinds; k++)
        {
            for (var t = before.Test.From; t < before.Test.To; t++)
            {
                var issue = ForecastTable.IssueSlot(panel, k, t);
                if (issue < 27 * Week)
                {
                    after.Test[k, 0, t].Should().Be(before.Test[k, 0, t], $"kind {k} for slot {t} is issued at {issue}, before the refit that sees the change");
                }
                else
                {
                    after.Test[k, 0, t].Should().BeGreaterThan(before.Test[k, 0, t], $"kind {k} for slot {t} is issued at {issue}, from a fit that saw it");
                }
            }
        }
    }

    [Fact]
    public void Score_ModelThatLearnsNothingRefittedWeeklyWithTheRuleKept_ScoresAsOneFit()
    {
        var panel = ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7));
        var model = new SeasonalNaiveModel(SeasonalPeriod.Week);

        var once = new WarningEvaluator(TimeProvider.System).Run(panel, model, 24 * Week, TwoWeeks, null, CancellationToken.None);
        var weekly = WarningEvaluator.Score(panel, model.Name, Sweep(panel, model, Weekly), TwoWeeks, recalibrateRule: false);

        weekly.Score.Should().Be(once.Score);
        weekly.Thresholds.Should().Equal(once.Thresholds);
        weekly.Fits.Should().Be(8);
        once.Fits.Should().Be(2);
    }

    [Fact]
    public void Score_RefitWeeklyWithTheRuleRecalibrated_ReportsTheThresholdsOfTheTestStart()
    {
        var panel = ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7));
        var model = new SeasonalNaiveModel(SeasonalPeriod.Week);

        var once = new WarningEvaluator(TimeProvider.System).Run(panel, model, 24 * Week, TwoWeeks, null, CancellationToken.None);
        var weekly = WarningEvaluator.Score(panel, model.Name, Sweep(panel, model, Weekly), TwoWeeks);

        weekly.Thresholds.Should().Equal(once.Thresholds);
        weekly.Score.Events.Should().BePositive();
        weekly.Score.RecallDayAhead.Should().Be(1, "every Saturday surge is forecast a week ahead by the model of every segment");
    }

    [Fact]
    public void Sweep_NoInterval_IsTheOneFitSweep()
    {
        var panel = ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7));
        var evaluator = new WarningEvaluator(TimeProvider.System);

        var a = evaluator.Sweep(panel, new TrainingMeanModel(), 24 * Week, panel.Length, TwoWeeks, null, CancellationToken.None);
        var b = evaluator.Sweep(panel, new TrainingMeanModel(), 24 * Week, panel.Length, TwoWeeks, refitEvery: null, null, CancellationToken.None);

        (a.Fits, a.Refits.Count, b.Fits, b.Refits.Count).Should().Be((2, 0, 2, 0));
        b.Test.Values.ToArray().Should().Equal(a.Test.Values.ToArray());
        b.Calibration.Values.ToArray().Should().Equal(a.Calibration.Values.ToArray());
    }

    private static SweptForecasts Sweep(SeriesPanel panel, IForecastModel model, TimeSpan every) =>
        new WarningEvaluator(TimeProvider.System).Sweep(panel, model, 24 * Week, panel.Length, TwoWeeks, every, null, CancellationToken.None);
}

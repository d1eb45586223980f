using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public partial class WarningEvaluatorTest
{
    [Fact]
    public void Run_WeeklySurgesWithSeasonalNaive_WarnsEveryOneADayAheadWithFewFalseEpisodes()
    {
        // 30 weeks of a daily pattern with a surge every Saturday 20:00-21:00; test on the last 6 weeks.
        var panel = ForecastTestPanels.Hourly(WeeklySurges(30, seed: 7));
        var testStart = 24 * 7 * 24;

        var result = new WarningEvaluator(TimeProvider.System).Run(
            panel, new SeasonalNaiveModel(SeasonalPeriod.Week), testStart, new WarningEvaluationOptions(CalibrationWeeks: 4), null, CancellationToken.None);

        result.Score.Events.Should().Be(6);
        result.Score.RecallDayAhead.Should().Be(1);
        result.Score.RecallLead1h.Should().Be(1);
        result.Score.Precision.Should().BeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Run_TestStartWithoutRoomToCalibrate_Throws()
    {
        var panel = ForecastTestPanels.Hourly(WeeklySurges(3, seed: 1));

        var act = () => new WarningEvaluator(TimeProvider.System).Run(
            panel, new LastValueModel(), 24 * 7, new WarningEvaluationOptions(CalibrationWeeks: 2), null, CancellationToken.None);

        act.Should().Throw<ArgumentException>().WithMessage("*calibration*");
    }

    private static double[] WeeklySurges(int weeks, int seed)
    {
        var random = new Random(seed);
        var values = new double[weeks * 7 * 24];
        for (var t = 0; t < values.Length; t++)
        {
            var hour = t % 24;
            var day = t / 24 % 7;
            values[t] = 100 + 80 * Math.Sin(Math.PI * hour / 24) + random.Next(-5, 6);
            if (day == 5 && hour is 20 or 21)
            {
                values[t] = (t >= 24 * 7 * 24 ? 420 : 400) + random.Next(-5, 6);
            }
        }

        return values;
    }
}

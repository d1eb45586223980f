using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting;

public class SeasonalNaiveModelTest
{
    private readonly SeasonalNaiveModel _daily = new(SeasonalPeriod.Day);
    private readonly SeasonalNaiveModel _weekly = new(SeasonalPeriod.Week);

    [Fact]
    public void Name_DayAndWeek_AreTheCommandLineNames()
    {
        _daily.Name.Should().Be("seasonal-naive-day");
        _weekly.Name.Should().Be("seasonal-naive-week");
    }

    [Fact]
    public void Predict_DailyHourly_TakesTheValueOneDayBeforeEachTarget()
    {
        var panel = Hourly(Ramp(48));

        // Targets 31, 32, 33 read slots 7, 8, 9.
        Forecast(_daily, panel, origin: 30, horizon: 3).Should().Equal(7, 8, 9);
    }

    [Fact]
    public void Predict_WeeklyHourly_TakesTheValueOneWeekBeforeTheTarget()
    {
        var panel = Hourly(Ramp(200));

        Forecast(_weekly, panel, origin: 180, horizon: 2).Should().Equal(13, 14);
    }

    [Fact]
    public void Predict_FiveMinuteGrid_UsesSeasonsOf288And2016Slots()
    {
        var panel = Of(Sensor.FiveMinutes, Ramp(2100));

        Forecast(_daily, panel, origin: 2050, horizon: 1).Should().Equal(2051 - 288);
        Forecast(_weekly, panel, origin: 2050, horizon: 1).Should().Equal(2051 - 2016);
    }

    [Fact]
    public void Predict_HorizonBeyondOneSeason_StepsBackWholeSeasonsToAKnownSlot()
    {
        var panel = Hourly(Ramp(72));

        // From origin 50: h = 24 reaches target 74 → slot 50; h = 25 reaches 75 → 51 is unknown, so 27.
        var point = Forecast(_daily, panel, origin: 50, horizon: 26);

        point[23].Should().Be(50);
        point[24].Should().Be(27);
        point[25].Should().Be(28);
    }

    [Fact]
    public void Predict_SourceSlotMissing_IsMissingWithoutLookingFurtherBack()
    {
        var values = Ramp(50);
        values[25] = NaN;
        var panel = Hourly(values);

        Forecast(_daily, panel, origin: 48, horizon: 2).Should().Equal(NaN, 26);
    }

    [Fact]
    public void Predict_SourceBeforePanelStart_IsMissing()
    {
        var panel = Hourly(Ramp(30));

        Forecast(_weekly, panel, origin: 29, horizon: 1).Should().Equal(NaN);
    }

    [Fact]
    public void Fit_StepThatDoesNotDivideADay_Throws()
    {
        var panel = Of(TimeSpan.FromMinutes(7), Ramp(10));

        var fit = () => _daily.Fit(panel, 5);

        fit.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*divide a day*");
    }

    [Fact]
    public void Predict_PanelOfAnotherStep_ThrowsAndAsksToRefit()
    {
        var forecaster = _daily.Fit(Hourly(Ramp(48)), 48);
        var other = Of(Sensor.FiveMinutes, Ramp(600));

        var predict = () => forecaster.Predict(new ForecastOrigin(other, 500), 0, new double[1]);

        predict.Should().Throw<InvalidOperationException>().WithMessage("*fit it again*");
    }
}

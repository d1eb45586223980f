using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting;

public sealed class DayKindMedianModelTest
{
    private const int Day = 24;

    /// <summary>Hourly readings from Monday 2024-01-01 where every slot of day d reads d × 10 + its hour ÷ 100.</summary>
    private static double[] DayNumbers(int days)
    {
        var values = new double[days * Day];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((i / Day) * 10) + ((i % Day) / 100.0);
        }

        return values;
    }

    [Fact]
    public void At_WeekdayTarget_TakesTheMedianOfTheLastThreeWeekdaysAndSkipsTheWeekend()
    {
        var values = DayNumbers(8);

        // Monday 8 January, 05:00: the weekend (days 5 and 6) is skipped; Friday, Thursday, Wednesday read 40, 30, 20.
        var profile = DayKindProfile.At(values, Monday, Sensor.Hourly, (7 * Day) + 5);

        profile.Should().BeApproximately(30.05, 1e-9);
    }

    [Fact]
    public void At_WeekendTarget_TakesOnlyWeekendDays()
    {
        var values = DayNumbers(7);

        // Sunday 7 January: Saturday is the only weekend day before it.
        DayKindProfile.At(values, Monday, Sensor.Hourly, (6 * Day) + 1).Should().BeApproximately(50.01, 1e-9);
    }

    [Fact]
    public void At_UnusableReadings_AreLeftOut()
    {
        var values = DayNumbers(4);
        values[(2 * Day) + 3] = 0; // Wednesday 03:00 is an outage for a road

        var profile = DayKindProfile.At(values, Monday, Sensor.Hourly, (3 * Day) + 3, usable: v => v > 0);

        profile.Should().BeApproximately(5.03, 1e-9, "the median of Tuesday's 10.03 and Monday's 0.03");
    }

    [Fact]
    public void At_NoEarlierDayOfItsKind_IsMissing()
    {
        var values = DayNumbers(6);

        double.IsNaN(DayKindProfile.At(values, Monday, Sensor.Hourly, 5 * Day)).Should().BeTrue("Saturday 6 January has no weekend day before it");
        double.IsNaN(DayKindProfile.At(values, Monday, Sensor.Hourly, 3)).Should().BeTrue("the first day has no day before it");
    }

    [Fact]
    public void At_SlotsPastTheHistory_AreNotRead()
    {
        var values = DayNumbers(3);

        // Only Monday's readings are known: Wednesday's profile has just Monday's slot, though Tuesday lies in the array.
        DayKindProfile.At(values.AsSpan(0, Day), Monday, Sensor.Hourly, (2 * Day) + 2).Should().BeApproximately(0.02, 1e-9);
    }

    [Fact]
    public void Predict_FromAnOrigin_ForecastsTheProfileOfEachTarget()
    {
        var panel = Hourly(DayNumbers(8));

        // From Friday 23:00 the next hours are Saturday's: the weekend has no earlier day of its kind.
        Forecast(new DayKindMedianModel(), panel, origin: (5 * Day) - 1, horizon: 2).Should().OnlyContain(v => double.IsNaN(v));
        // From Sunday 23:00 the next hour is Monday 00:00: Friday, Thursday, Wednesday.
        Forecast(new DayKindMedianModel(), panel, origin: (7 * Day) - 1, horizon: 1).Should().Equal(30);
    }
}

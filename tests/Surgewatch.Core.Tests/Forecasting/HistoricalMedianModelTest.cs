using Surgewatch.Core.Forecasting;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting;

public class HistoricalMedianModelTest
{
    private const int Week = 168;
    private readonly HistoricalMedianModel _model = new(4);

    [Fact]
    public void Name_FourWeeks_IsHistoricalMedian4w() => _model.Name.Should().Be("historical-median-4w");

    [Theory]
    [InlineData(0)]
    [InlineData(53)]
    public void Ctor_WeeksOutOfRange_Throws(int weeks)
    {
        var create = () => new HistoricalMedianModel(weeks);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Predict_FourWeeksPresent_AveragesTheTwoMiddleReadings()
    {
        // Target slot 4 weeks + 10: same-slot readings 1, 2, 3 and 4 weeks back are 40, 10, 30, 20.
        var panel = Hourly(WithSlotOfWeek10(40, 10, 30, 20));

        Forecast(_model, panel, origin: (4 * Week) + 9, horizon: 1).Should().Equal(25);
    }

    [Fact]
    public void Predict_OneWeekMissing_TakesTheMedianOfTheOtherThree()
    {
        var panel = Hourly(WithSlotOfWeek10(40, NaN, 30, 20));

        Forecast(_model, panel, origin: (4 * Week) + 9, horizon: 1).Should().Equal(30);
    }

    [Fact]
    public void Predict_EveryWeekMissing_IsMissing()
    {
        var panel = Hourly(WithSlotOfWeek10(NaN, NaN, NaN, NaN));

        Forecast(_model, panel, origin: (4 * Week) + 9, horizon: 1).Should().Equal(NaN);
    }

    [Fact]
    public void Predict_ReadingsOlderThanFourWeeks_AreIgnored()
    {
        var values = Weeks(5);
        values[10] = 7;
        var panel = Hourly(values);

        // One week later the only reading (then 5 weeks back) has dropped out of the window.
        Forecast(_model, panel, origin: (5 * Week) + 9, horizon: 1).Should().Equal(NaN);
    }

    [Fact]
    public void Predict_FewerWeeksOfHistoryThanFour_UsesThoseThereAre()
    {
        var values = Weeks(2);
        values[Week + 10] = 8;
        values[10] = 2;
        var panel = Hourly(values);

        Forecast(_model, panel, origin: (2 * Week) + 9, horizon: 1).Should().Equal(5);
    }

    [Fact]
    public void Predict_HorizonBeyondAWeek_StartsFromTheLastKnownWeek()
    {
        var panel = Hourly(WithSlotOfWeek10(1, 2, 3, 4));

        // Target 5 weeks + 10 from origin 4 weeks + 9: the four known same-slot readings are 1–4 weeks before the origin's week.
        var point = Forecast(_model, panel, origin: (4 * Week) + 9, horizon: Week + 1);

        point[Week].Should().Be(2.5);
    }

    /// <summary>A 4-week + 11-slot series of gaps whose slot 10 of weeks 3, 2, 1, 0 holds the given readings.</summary>
    private static double[] WithSlotOfWeek10(double oneWeekBack, double twoWeeksBack, double threeWeeksBack, double fourWeeksBack)
    {
        var values = Weeks(4);
        values[(3 * Week) + 10] = oneWeekBack;
        values[(2 * Week) + 10] = twoWeeksBack;
        values[Week + 10] = threeWeeksBack;
        values[10] = fourWeeksBack;
        return values;
    }

    /// <summary>A series of <paramref name="weeks"/> weeks + 11 slots, every slot a gap.</summary>
    private static double[] Weeks(int weeks)
    {
        var values = new double[(weeks * Week) + 11];
        Array.Fill(values, NaN);
        return values;
    }
}

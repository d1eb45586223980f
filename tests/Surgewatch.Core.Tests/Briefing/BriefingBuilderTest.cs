using Surgewatch.Core.Briefing;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Briefing;

public class BriefingBuilderTest
{
    [Fact]
    public void ForSensors_WithProbabilities_HoursAtRiskAreThoseAtTheLevelNotThoseWhoseUpperBoundReaches()
    {
        var panel = ForecastTestPanels.Hourly(new double[48]);
        var mean = Enumerable.Repeat(50.0, DayForecast.Hours).ToArray();
        var upper = Enumerable.Repeat(60.0, DayForecast.Hours).ToArray();
        var reach = new double[DayForecast.Hours];
        upper[3] = 120; // the upper bound reaches the threshold of 100, but the probability is low
        reach[3] = 0.05;
        reach[5] = 0.2;
        var day = new DayForecast(new DateOnly(2024, 1, 2), [mean], [upper], [reach]);

        var briefing = BriefingBuilder.ForSensors(day, panel, ["s0"], [100], "test", riskProbability: 0.1);

        briefing.Subjects[0].HoursAtRisk.Should().Equal(5);
    }

    [Fact]
    public void ForSensors_WithoutProbabilities_FallsBackToTheUpperBound()
    {
        var panel = ForecastTestPanels.Hourly(new double[48]);
        var upper = Enumerable.Repeat(60.0, DayForecast.Hours).ToArray();
        upper[3] = 120;
        var reach = Enumerable.Repeat(double.NaN, DayForecast.Hours).ToArray();
        var day = new DayForecast(new DateOnly(2024, 1, 2), [Enumerable.Repeat(50.0, DayForecast.Hours).ToArray()], [upper], [reach]);

        var briefing = BriefingBuilder.ForSensors(day, panel, ["s0"], [100], "test", riskProbability: 0.1);

        briefing.Subjects[0].HoursAtRisk.Should().Equal(3);
    }
}

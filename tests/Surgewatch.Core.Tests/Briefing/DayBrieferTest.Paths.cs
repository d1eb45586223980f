using Surgewatch.Core.Briefing;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Forecasting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Briefing;

public partial class DayBrieferTest
{
    [Fact]
    public void WeeklyProfile_TenDays_ForecastsTheMedianDayWithoutAMargin()
    {
        var panel = ForecastTestPanels.Hourly(Daily(10, peakHour: 18));

        var briefing = DayBriefer.WeeklyProfile(panel, new DateOnly(2024, 1, 11), null, null, CancellationToken.None);

        var s = briefing.Subjects[0];
        s.PeakHour.Should().Be(18);
        s.PeakPersons.Should().Be(1000);
        s.Hours.Should().OnlyContain(h => h.Upper90 == h.Mean);
        briefing.Model.Should().Be("historical-median-4w");
    }

    [Theory]
    [InlineData(14)]
    [InlineData(21)]
    public void Brief_TwoOrThreeWeeks_FitsAndCalibratesWithoutThrowing(int days)
    {
        var panel = ForecastTestPanels.Hourly(Daily(days, peakHour: 18));
        var zone = Zone.Create(new ZoneId("plaza"), "Plaza", Square(), areaSquareMetres: 400, sources: [new ZoneSource(new SensorId("s0"), ZoneSourceRole.Occupancy)]);

        var briefing = new DayBriefer(new HistoricalMedianModel(4)).Brief(panel, DateOnly.FromDateTime(panel.End.ToDateTime()), [zone], null, CancellationToken.None);

        briefing.Subjects[0].HoursAtRisk.Should().Equal(18);
    }

    [Fact]
    public void Nothing_Zones_EveryFigureMissingAndNoData()
    {
        var zone = Zone.Create(new ZoneId("plaza"), "Plaza", Square(), areaSquareMetres: 400, sources: [new ZoneSource(new SensorId("s0"), ZoneSourceRole.Occupancy)]);

        var briefing = DayBriefer.Nothing(Panel, Day, [zone], null);

        briefing.Method.Should().Be(BriefingMethod.None);
        briefing.Model.Should().BeNull();
        var plaza = briefing.Subjects.Should().ContainSingle().Subject;
        plaza.PeakHour.Should().Be(-1);
        double.IsNaN(plaza.Total).Should().BeTrue();
        plaza.PeakLevel.Should().Be(ZoneLevel.NoData);
        plaza.HoursAtRisk.Should().BeEmpty();
    }

    [Fact]
    public void Deployed_ModelWithIntervals_UpperBoundIsItsEightyPercentIntervalsUpperEnd()
    {
        var fitted = new ConformalModel(new HistoricalMedianModel(4)).Fit(Panel, Panel.Length);
        var interval = (IIntervalForecaster)fitted;
        var origin = new ForecastOrigin(Panel, Panel.Length - 1);
        var point = new double[24];
        var bounds = new double[2 * interval.Levels.Count * 24];
        fitted.Predict(origin, 0, point);
        interval.PredictIntervals(origin, 0, point, bounds);
        var after = DateOnly.FromDateTime(Panel.End.ToDateTime());

        var briefing = DayBriefer.Deployed(Panel, fitted, null, "historical-median-4w", after, null, null);

        var level = interval.Levels.ToList().IndexOf(DayForecast.CentralLevel);
        briefing.Subjects[0].Hours[18].Upper90.Should().Be(Math.Max(point[18], bounds[((2 * level) + 1) * 24 + 18]));
        briefing.Subjects[0].PeakHour.Should().Be(18);
    }

    [Fact]
    public void Deployed_NoSurgeRule_NoSensorIsAtRisk()
    {
        var fitted = new HistoricalMedianModel(4).Fit(Panel, Panel.Length);

        var briefing = DayBriefer.Deployed(Panel, fitted, null, "historical-median-4w", Day, null, null);

        briefing.Subjects.Should().OnlyContain(s => s.HoursAtRisk.Count == 0);
    }
}

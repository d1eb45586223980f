using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Zones;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;

namespace Surgewatch.Core.Tests.ZoneSeries;

public class ZoneForecastBuilderTest
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private static readonly TimeLabel Issued = TimeLabel.FromDate(new DateOnly(2025, 3, 1)) + TimeSpan.FromHours(10);

    private static Forecast Of(string sensor, params (double Mean, double Lo80, double Hi80, double Lo95, double Hi95)[] steps) =>
        new(new SensorId(sensor), "gbm", Issued, [.. steps.Select((s, i) => new ForecastPoint(
            Issued + (Quarter * (i + 1)), s.Mean, [new PredictionInterval(0.8, s.Lo80, s.Hi80), new PredictionInterval(0.95, s.Lo95, s.Hi95)]))]);

    [Fact]
    public void Build_TwoOccupancySources_SumsMeansAndBoundsTimesFactorsOverTheArea()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("a", ZoneSourceRole.Occupancy), ZonePersonsTest.Source("b", ZoneSourceRole.Occupancy, 2));

        var forecast = ZoneForecastBuilder.Build(zone, [Of("a", (100, 90, 110, 80, 120)), Of("b", (50, 40, 60, 30, 70))], Quarter)!;

        forecast.Model.Should().Be("gbm");
        forecast.IssuedAt.Should().Be(Issued);
        var point = forecast.Points.Should().ContainSingle().Subject;
        point.Target.Should().Be(Issued + Quarter);
        point.Persons.Should().Be(200);
        point.Density.Should().Be(2);
        point.Interval(0.8).Should().Be(new PredictionInterval(0.8, 1.7, 2.3));
        point.Interval(0.95).Should().Be(new PredictionInterval(0.95, 1.4, 2.6));
    }

    [Fact]
    public void Build_LineCountersOnly_TurnsCountsIntoPersonsWithTheDwell()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("in", ZoneSourceRole.LineIn), ZonePersonsTest.Source("out", ZoneSourceRole.LineOut));

        var forecast = ZoneForecastBuilder.Build(zone, [Of("in", (150, 120, 180, 90, 210)), Of("out", (999, 0, 2000, 0, 3000))], Quarter, dwellMinutes: 6)!;

        var point = forecast.Points.Single();
        point.Persons.Should().BeApproximately(60, 1e-9);
        point.Interval(0.8)!.Value.Upper.Should().BeApproximately(180 * 6 / 15.0 / 100, 1e-12);
    }

    [Fact]
    public void Build_OccupancyForecastWithLineCounters_UsesTheOccupancyAlone()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("occ", ZoneSourceRole.Occupancy), ZonePersonsTest.Source("in", ZoneSourceRole.LineIn));

        var forecast = ZoneForecastBuilder.Build(zone, [Of("occ", (40, 30, 50, 20, 60)), Of("in", (150, 120, 180, 90, 210))], Quarter)!;

        forecast.Points.Single().Persons.Should().Be(40);
    }

    [Fact]
    public void Build_OneSourceMissingAStep_ScalesThatStepAndKeepsTheOthers()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("a", ZoneSourceRole.Occupancy), ZonePersonsTest.Source("b", ZoneSourceRole.Occupancy));

        var forecast = ZoneForecastBuilder.Build(zone, [Of("a", (10, 9, 11, 8, 12), (20, 18, 22, 16, 24)), Of("b", (30, 27, 33, 24, 36))], Quarter)!;

        forecast.Points.Select(p => p.Persons).Should().Equal(40, 40);
    }

    [Fact]
    public void Build_NoForecastOfAnySource_IsNullNotZero()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("occ", ZoneSourceRole.Occupancy));

        ZoneForecastBuilder.Build(zone, [Of("elsewhere", (5, 4, 6, 3, 7))], Quarter).Should().BeNull();
        ZoneForecastBuilder.Build(zone, [Of("occ", (double.NaN, 0, 0, 0, 0))], Quarter).Should().BeNull();
    }

    [Fact]
    public void Build_SourceWithoutIntervals_GivesThePointWithoutBands()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("occ", ZoneSourceRole.Occupancy));
        var bare = new Forecast(new SensorId("occ"), "last-value", Issued, [new ForecastPoint(Issued + Quarter, 25, [])]);

        var point = ZoneForecastBuilder.Build(zone, [bare], Quarter)!.Points.Single();

        point.Density.Should().Be(0.25);
        point.Intervals.Should().BeEmpty();
    }

    [Fact]
    public void Build_NegativeLowerBound_FlooredAtZero()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("occ", ZoneSourceRole.Occupancy));

        var point = ZoneForecastBuilder.Build(zone, [Of("occ", (5, -3, 12, -8, 20))], Quarter)!.Points.Single();

        point.Interval(0.8)!.Value.Lower.Should().Be(0);
    }

    [Fact]
    public void Build_ForecastsOfTwoModels_Throws()
    {
        var zone = ZonePersonsTest.With(ZonePersonsTest.Source("a", ZoneSourceRole.Occupancy), ZonePersonsTest.Source("b", ZoneSourceRole.Occupancy));
        var other = Of("b", (1, 0, 2, 0, 3)) with { Model = "historical-median-4w" };

        var act = () => ZoneForecastBuilder.Build(zone, [Of("a", (1, 0, 2, 0, 3)), other], Quarter);

        act.Should().Throw<ArgumentException>().WithMessage("*one model*");
    }
}

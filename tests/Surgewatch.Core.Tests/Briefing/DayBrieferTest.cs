using Surgewatch.Core.Briefing;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Forecasting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Briefing;

public partial class DayBrieferTest
{
    // Ten weeks of a repeating day: 100 persons an hour, 1,000 at 18:00. The panel starts 2024-01-01.
    private static readonly SeriesPanel Panel = ForecastTestPanels.Hourly(Daily(70, peakHour: 18), Daily(70, peakHour: 9));
    private static readonly DateOnly Day = new(2024, 3, 1);

    [Fact]
    public void Brief_PerSensor_GivesTotalPeakHourAndPeakPersons()
    {
        var briefing = new DayBriefer(new SeasonalNaiveModel(SeasonalPeriod.Day)).Brief(Panel, Day, null, null, CancellationToken.None);

        var first = briefing.Subjects[0];
        first.Id.Should().Be("s0");
        first.Total.Should().Be(23 * 100 + 1000);
        first.PeakHour.Should().Be(18);
        first.PeakPersons.Should().Be(1000);
        double.IsNaN(first.PeakDensity).Should().BeTrue();
        briefing.Subjects[1].PeakHour.Should().Be(9);
        briefing.Model.Should().Be("seasonal-naive-day");
    }

    [Fact]
    public void Brief_PerSensor_PeakAtTheSurgeThresholdIsAtRisk()
    {
        var briefing = new DayBriefer(new SeasonalNaiveModel(SeasonalPeriod.Day)).Brief(Panel, Day, null, null, CancellationToken.None);

        briefing.Subjects[0].HoursAtRisk.Should().Equal(18);
        briefing.Subjects[0].PeakLevel.Should().Be(ZoneLevel.Warning);
    }

    [Fact]
    public void Brief_ZoneOfOneCameraOver400SquareMetres_GivesDensityAndLevels()
    {
        var zone = Zone.Create(new ZoneId("plaza"), "Plaza", Square(), areaSquareMetres: 400, sources: [new ZoneSource(new SensorId("s0"), ZoneSourceRole.Occupancy)]);

        var briefing = new DayBriefer(new SeasonalNaiveModel(SeasonalPeriod.Day)).Brief(Panel, Day, [zone], null, CancellationToken.None);

        var plaza = briefing.Subjects.Should().ContainSingle().Subject;
        plaza.PeakDensity.Should().Be(2.5);
        plaza.PeakLevel.Should().Be(ZoneLevel.Warning);
        plaza.HoursAtRisk.Should().Equal(18);
    }

    [Fact]
    public void Brief_ZoneAndANamedCounter_BriefsTheZoneThenTheCounterAndLeavesTheUnnamedSensorOut()
    {
        var zone = Zone.Create(new ZoneId("plaza"), "Plaza", Square(), areaSquareMetres: 400, sources: [new ZoneSource(new SensorId("s0"), ZoneSourceRole.Occupancy)]);

        var briefing = new DayBriefer(new SeasonalNaiveModel(SeasonalPeriod.Day)).Brief(Panel, Day, [zone], [null, "Gate counter"], CancellationToken.None);

        briefing.Subjects.Select(s => (s.Id, s.Kind)).Should().Equal(("plaza", BriefingSubjectKind.Zone), ("s1", BriefingSubjectKind.Counter));
        briefing.Subjects[1].Name.Should().Be("Gate counter");
        briefing.Subjects[1].PeakHour.Should().Be(9);
    }

    [Fact]
    public void Brief_DayAfterTheData_ForecastsFromTheLastSlot()
    {
        var after = DateOnly.FromDateTime(Panel.End.ToDateTime());

        var briefing = new DayBriefer(new SeasonalNaiveModel(SeasonalPeriod.Day)).Brief(Panel, after, null, null, CancellationToken.None);

        briefing.Subjects[0].PeakHour.Should().Be(18);
    }

    [Fact]
    public void Brief_DayBeforeTheData_Throws()
    {
        var act = () => new DayBriefer(new LastValueModel()).Brief(Panel, new DateOnly(2023, 12, 1), null, null, CancellationToken.None);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static double[] Daily(int days, int peakHour) =>
        Enumerable.Range(0, days * 24).Select(t => t % 24 == peakHour ? 1000.0 : 100.0).ToArray();

    private static ZonePolygon Square() =>
        new([[new GeoPoint(0, 0), new GeoPoint(0, 0.0002), new GeoPoint(0.0002, 0.0002), new GeoPoint(0.0002, 0)]]);
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Zones;

public class ZoneTest
{
    // A rectangle of dLat × dLon degrees with its south-west corner at (lat, lon).
    internal static ZonePolygon Rectangle(double lat, double lon, double dLat, double dLon) => new([
        [new(lat, lon), new(lat, lon + dLon), new(lat + dLat, lon + dLon), new(lat + dLat, lon), new(lat, lon)],
    ]);

    [Fact]
    public void AreaSquareMetres_SmallSquareInMelbourne_MatchesTheLocalMetricArea()
    {
        // 0.001° of latitude is 110.95 m there; 0.001° of longitude is 111.32 m × cos(37.81°) = 87.98 m.
        var square = Rectangle(-37.8110, 144.9620, 0.001, 0.001);

        square.AreaSquareMetres().Should().BeApproximately(110.95 * 87.98, 0.005 * 110.95 * 87.98);
    }

    [Fact]
    public void AreaSquareMetres_RingsInEitherOrientation_AreTheSame()
    {
        var clockwise = Rectangle(53.34, -6.26, 0.002, 0.003);
        var counter = new ZonePolygon([clockwise.Rings[0].Reverse().ToArray()]);

        counter.AreaSquareMetres().Should().BeApproximately(clockwise.AreaSquareMetres(), 1e-6);
    }

    [Fact]
    public void AreaSquareMetres_WithHole_SubtractsTheHole()
    {
        var outer = Rectangle(-37.8110, 144.9620, 0.002, 0.002);
        var hole = Rectangle(-37.8105, 144.9625, 0.001, 0.001);
        var square = new ZonePolygon([outer.Rings[0], hole.Rings[0]]);

        square.AreaSquareMetres().Should().BeApproximately(outer.AreaSquareMetres() - hole.AreaSquareMetres(), 1e-6);
        square.AreaSquareMetres().Should().BeApproximately(0.75 * outer.AreaSquareMetres(), 0.01 * outer.AreaSquareMetres());
    }

    [Property(MaxTest = 200)]
    public Property AreaSquareMetres_ScaledRectangle_GrowsWithTheSquareOfTheScale()
    {
        var gen = Gen.Choose(-60, 60).SelectMany(lat => Gen.Choose(-170, 170).Select(lon => (lat, lon)));
        return Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var small = Rectangle(p.lat, p.lon, 0.001, 0.001).AreaSquareMetres();
            var large = Rectangle(p.lat, p.lon, 0.002, 0.002).AreaSquareMetres();
            return Math.Abs((large / small) - 4) < 0.01;
        });
    }

    [Fact]
    public void Centroid_Rectangle_IsItsMiddle()
    {
        var centre = Rectangle(-37.8110, 144.9620, 0.002, 0.004).Centroid();

        centre.Latitude.Should().BeApproximately(-37.8100, 1e-6);
        centre.Longitude.Should().BeApproximately(144.9640, 1e-6);
    }

    [Fact]
    public void Create_NoAreaGiven_ComputesItFromThePolygon()
    {
        var polygon = Rectangle(-37.8110, 144.9620, 0.001, 0.001);

        var zone = Zone.Create(new ZoneId("bourke-mall"), "Bourke St Mall", polygon);

        zone.AreaSquareMetres.Should().Be(polygon.AreaSquareMetres());
        zone.Levels.Should().Be(ZoneLevels.Default);
        zone.Sources.Should().BeEmpty();
    }

    [Fact]
    public void Create_AreaGiven_KeepsTheWalkableArea()
    {
        var zone = Zone.Create(new ZoneId("z"), "Z", Rectangle(0, 0, 0.001, 0.001), areaSquareMetres: 2500, widthMetres: 12, capacity: 9000);

        zone.AreaSquareMetres.Should().Be(2500);
        zone.WidthMetres.Should().Be(12);
        zone.Capacity.Should().Be(9000);
    }

    [Theory]
    [InlineData(-1.0, null, null, "area")]
    [InlineData(null, 0.0, null, "width")]
    [InlineData(null, null, 0, "capacity")]
    public void Create_OutOfRangeSetting_ThrowsNamingTheZoneAndSetting(double? area, double? width, int? capacity, string setting)
    {
        var act = () => Zone.Create(new ZoneId("gate-b"), "Gate B", Rectangle(0, 0, 0.001, 0.001), area, width, capacity);

        act.Should().Throw<ArgumentException>().WithMessage($"Zone 'gate-b': {setting}*");
    }

    [Fact]
    public void Create_LevelsOutOfOrder_Throws()
    {
        var levels = ZoneLevels.Default with { DensityAlarm = 6 };

        var act = () => Zone.Create(new ZoneId("z"), "Z", Rectangle(0, 0, 0.001, 0.001), levels: levels);

        act.Should().Throw<ArgumentException>().WithMessage("Zone 'z': *density levels must rise*");
    }

    [Fact]
    public void Create_SameSourceTwice_Throws()
    {
        var source = new ZoneSource(new SensorId("gate-a-in"), ZoneSourceRole.LineIn);

        var act = () => Zone.Create(new ZoneId("z"), "Z", Rectangle(0, 0, 0.001, 0.001), sources: [source, source]);

        act.Should().Throw<ArgumentException>().WithMessage("*gate-a-in*twice*");
    }

    [Fact]
    public void Create_NonPositiveCalibrationFactor_Throws()
    {
        var cell = new ZoneSource(new SensorId("cell-17"), ZoneSourceRole.CellDevices, 0);

        var act = () => Zone.Create(new ZoneId("z"), "Z", Rectangle(0, 0, 0.001, 0.001), sources: [cell]);

        act.Should().Throw<ArgumentException>().WithMessage("*cell-17*factor*");
    }

    [Fact]
    public void Validated_DegenerateRing_Throws()
    {
        var line = new ZonePolygon([[new(0, 0), new(0, 0.001), new(0, 0.002), new(0, 0)]]);

        var act = () => line.Validated();

        act.Should().Throw<ArgumentException>().WithMessage("*encloses no area*");
    }

    [Fact]
    public void Validated_TooFewPoints_Throws()
    {
        var two = new ZonePolygon([[new(0, 0), new(0, 0.001), new(0, 0)]]);

        var act = () => two.Validated();

        act.Should().Throw<ArgumentException>().WithMessage("*fewer than three distinct points*");
    }

    [Fact]
    public void ZoneId_InvalidCharacters_Throws()
    {
        var act = () => new ZoneId("north stand");

        act.Should().Throw<ArgumentException>().WithMessage("*not a valid zone id*");
    }
}

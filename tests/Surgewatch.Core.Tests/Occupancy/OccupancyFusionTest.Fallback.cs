using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Occupancy;

public partial class OccupancyFusionTest
{
    [Fact]
    public void Fuse_CameraGoesSilent_FallsBackToCellsWithLowerConfidence()
    {
        var zone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy), Source(Cell, ZoneSourceRole.CellDevices, 2));
        var readings = PerMinute((Cam, Constant(30, 800)), (Cell, Constant(60, 390)));

        var run = Run(zone, readings, 60);

        var before = run[29];
        var after = run[^1];
        before.Fallback.Should().BeFalse();
        after.Fallback.Should().BeTrue();
        after.Persons.Should().Be(780);
        after.Confidence.Should().BeLessThan(before.Confidence);
        after.Sources.Should().ContainSingle(s => s.Stale).Which.Sensor.Should().Be(Cam);
    }

    [Fact]
    public void Fuse_SourceSilentForLessThanTheStalenessWindow_IsStillUsed()
    {
        var zone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy));
        var readings = PerMinute((Cam, Constant(10, 300)));

        var occupancy = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), Minute(14)).Occupancy;

        occupancy.Persons.Should().Be(300);
        occupancy.Fallback.Should().BeFalse();
    }

    [Fact]
    public void Fuse_EverySourceSilent_IsNoDataNotZero()
    {
        var zone = ZoneWith(3, Source(Cam, ZoneSourceRole.Occupancy), Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
        var readings = PerMinute((Cam, Constant(10, 300)), (In, Constant(10, 5)), (Out, Constant(10, 5)));

        var last = Run(zone, readings, 30)[^1];

        last.NoData.Should().BeTrue();
        last.Fallback.Should().BeFalse();
        last.HasPersons.Should().BeFalse();
        double.IsNaN(last.Density).Should().BeTrue();
        last.Flow.Should().BeNull();
        last.Confidence.Should().Be(0);
    }

    [Fact]
    public void Fuse_OneOfTwoCamerasSilent_ScalesTheOtherUp()
    {
        var cam2 = new Surgewatch.Core.Series.SensorId("cam2");
        var zone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy), Source(cam2, ZoneSourceRole.Occupancy));
        var readings = PerMinute((Cam, Constant(30, 200)), (cam2, Constant(10, 250)));

        var last = Run(zone, readings, 30)[^1];

        last.Persons.Should().Be(400);
        last.Fallback.Should().BeTrue();
        last.Confidence.Should().BeApproximately(OccupancyFusion.DirectConfidence / 2, 1e-9);
    }

    [Fact]
    public void Fuse_MissingMarkerReadings_DoNotCountAsFresh()
    {
        var zone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy));
        var readings = PerMinute((Cam, Constant(30, double.NaN)));

        Run(zone, readings, 30)[^1].NoData.Should().BeTrue();
    }
}

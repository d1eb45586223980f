using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Occupancy;

public partial class OccupancyFusionTest
{
    [Fact]
    public void Fuse_LineCountersOnly_AccumulatesInMinusOut()
    {
        var zone = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
        var readings = PerMinute((In, Constant(30, 20)), (Out, Constant(30, 5)));

        var run = Run(zone, readings, 30);

        run[^1].Persons.Should().BeApproximately(30 * 15, 1e-9);
        run[^1].Density.Should().BeApproximately(0.45, 1e-9);
        run[^1].Confidence.Should().BeApproximately(OccupancyFusion.LineConfidence, 1e-9);
        run[^1].Fallback.Should().BeFalse();
        run[^1].NoData.Should().BeFalse();
    }

    [Fact]
    public void Fuse_MoreOutThanIn_NeverGoesBelowZero()
    {
        var zone = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
        var readings = PerMinute((In, Constant(20, 1)), (Out, Constant(20, 9)));

        Run(zone, readings, 20).Should().OnlyContain(o => o.Persons >= 0);
    }

    [Fact]
    public void Fuse_DriftingCountersWithAFreshCamera_StayNearTheCamera()
    {
        // The in counter over-counts by 2 a minute: uncorrected, the balance would drift by 240 in two hours.
        var zone = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut), Source(Cam, ZoneSourceRole.Occupancy));
        var readings = PerMinute((In, Constant(120, 12)), (Out, Constant(120, 10)), (Cam, Constant(120, 500)));

        var run = Run(zone, readings, 120);

        run[^1].Persons.Should().BeInRange(500, 540);
        run[^1].Confidence.Should().BeGreaterThan(0.97);
    }

    [Fact]
    public void Fuse_QuietCountersWithoutAnchor_RelaxTowardZero()
    {
        var zone = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
        var ins = Constant(300, 0);
        ins[0] = 100;
        var readings = PerMinute((In, ins), (Out, Constant(300, 0)));

        var run = Run(zone, readings, 300);

        run[59].Persons.Should().Be(100);
        run[^1].Persons.Should().BeLessThan(100 * Math.Exp(-3));
    }

    [Fact]
    public void Fuse_CellDevices_MultipliesByTheFactor()
    {
        var zone = ZoneWith(null, Source(Cell, ZoneSourceRole.CellDevices, factor: 1.5));
        var readings = PerMinute((Cell, Constant(3, 400)));

        var last = Run(zone, readings, 3)[^1];

        last.Persons.Should().Be(600);
        last.Confidence.Should().BeApproximately(OccupancyFusion.CellConfidence, 1e-9);
    }

    [Fact]
    public void Fuse_LineTotalWithWidth_GivesFlowPerMetrePerMinute()
    {
        var zone = ZoneWith(4, Source(Total, ZoneSourceRole.LineTotal), Source(Cam, ZoneSourceRole.Occupancy));
        var readings = PerMinute((Total, Constant(10, 200)), (Cam, Constant(10, 900)));

        var last = Run(zone, readings, 10)[^1];

        last.Flow.Should().BeApproximately(50, 1e-9);
        last.Persons.Should().Be(900);
    }

    [Fact]
    public void Fuse_ZoneWithoutWidth_HasNoFlow()
    {
        var zone = ZoneWith(null, Source(Total, ZoneSourceRole.LineTotal));
        var readings = PerMinute((Total, Constant(10, 200)));

        var last = Run(zone, readings, 10)[^1];

        last.Flow.Should().BeNull();
        last.HasPersons.Should().BeFalse();
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Occupancy;

public partial class OccupancyFusionTest
{
    [Property(MaxTest = 200)]
    public bool Fuse_AnyCounts_PersonsNeverNegativeAndConfidenceInUnitRange(NonNegativeInt[] ins, NonNegativeInt[] outs, PositiveInt cam)
    {
        var n = Math.Min(ins.Length, outs.Length);
        var zone = ZoneWith(2, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut), Source(Cam, ZoneSourceRole.Occupancy));
        var readings = PerMinute(
            (In, ins.Take(n).Select(x => (double)(x.Get % 50)).ToArray()),
            (Out, outs.Take(n).Select(x => (double)(x.Get % 50)).ToArray()),
            (Cam, Constant(n / 2, cam.Get % 1000)));

        return Run(zone, readings, n + 10).All(o =>
            (double.IsNaN(o.Persons) || o.Persons >= 0) && o.Confidence is >= 0 and <= 1 && (o.NoData == (o.Confidence == 0)));
    }

    [Property(MaxTest = 200)]
    public bool Fuse_DroppingASource_NeverRaisesConfidence(PositiveInt cam, PositiveInt cell, PositiveInt silentAfter)
    {
        var zone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy), Source(Cell, ZoneSourceRole.CellDevices));
        var all = PerMinute((Cam, Constant(40, cam.Get)), (Cell, Constant(40, cell.Get)));
        var cut = 1 + (silentAfter.Get % 30);
        var partial = PerMinute((Cam, Constant(cut, cam.Get)), (Cell, Constant(40, cell.Get)));

        var full = Run(zone, all, 40);
        var fallback = Run(zone, partial, 40);
        return full.Zip(fallback).All(p => p.Second.Confidence <= p.First.Confidence + 1e-12);
    }

    [Property(MaxTest = 200)]
    public bool Fuse_NoFreshSource_IsAlwaysNoData(PositiveInt gap)
    {
        var zone = ZoneWith(1, Source(Cam, ZoneSourceRole.Occupancy), Source(Total, ZoneSourceRole.LineTotal));
        var readings = new Dictionary<SensorId, IReadOnlyList<SensorReading>>
        {
            [Cam] = [new SensorReading(T0, 10)],
            [Total] = [new SensorReading(T0, 10)],
        };

        var at = T0 + FusionOptions.Default.StaleAfter + TimeSpan.FromSeconds(gap.Get);
        var o = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), at).Occupancy;
        return o.NoData && !o.HasPersons && o.Flow is null;
    }
}

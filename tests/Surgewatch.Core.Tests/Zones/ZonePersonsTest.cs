using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Zones;

public class ZonePersonsTest
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    internal static Zone With(params ZoneSource[] sources) =>
        Zone.Create(new ZoneId("z"), "Z", ZoneTest.Rectangle(0, 0, 0.001, 0.001), areaSquareMetres: 100, sources: sources);

    internal static ZoneSource Source(string sensor, ZoneSourceRole role, double factor = 1) => new(new SensorId(sensor), role, factor);

    [Fact]
    public void Of_TwoOccupancySources_SumsTheirValuesTimesFactors()
    {
        var zone = With(Source("a", ZoneSourceRole.Occupancy), Source("b", ZoneSourceRole.Occupancy, 2));

        ZonePersons.Of(zone, [10, 5], Quarter).Should().Be(20);
    }

    [Fact]
    public void Of_OccupancyAndLineCounters_UsesTheOccupancyOnlySoNobodyCountsTwice()
    {
        var zone = With(Source("occ", ZoneSourceRole.Occupancy), Source("in", ZoneSourceRole.LineIn), Source("out", ZoneSourceRole.LineOut));

        ZonePersons.Of(zone, [40, 300, 280], Quarter).Should().Be(40);
    }

    [Fact]
    public void Of_OccupancyMissing_FallsBackToCellTimesFactor()
    {
        var zone = With(Source("occ", ZoneSourceRole.Occupancy), Source("cell", ZoneSourceRole.CellDevices, 1.25));

        ZonePersons.Of(zone, [double.NaN, 80], Quarter).Should().Be(100);
    }

    [Fact]
    public void Of_LineCountersOnly_AppliesLittlesLawWithTheDwellOverTheSlot()
    {
        // 150 in a quarter-hour is 10 a minute; staying 6 minutes, 60 are present. Line-out is left out.
        var zone = With(Source("in", ZoneSourceRole.LineIn), Source("out", ZoneSourceRole.LineOut));

        ZonePersons.Of(zone, [150, 140], Quarter, dwellMinutes: 6).Should().BeApproximately(60, 1e-9);
    }

    [Fact]
    public void Of_OneOfTwoSourcesMissing_ScalesByConfiguredOverPresent()
    {
        var zone = With(Source("a", ZoneSourceRole.Occupancy), Source("b", ZoneSourceRole.Occupancy));

        ZonePersons.Of(zone, [30, double.NaN], Quarter).Should().Be(60);
    }

    [Fact]
    public void Of_NoSourceHasAValue_IsMissingNotZero()
    {
        var zone = With(Source("occ", ZoneSourceRole.Occupancy), Source("in", ZoneSourceRole.LineIn));

        Missing.Is(ZonePersons.Of(zone, [double.NaN, double.NaN], Quarter)).Should().BeTrue();
        Missing.Is(ZonePersons.Of(With(), [], Quarter)).Should().BeTrue();
    }

    [Fact]
    public void Of_ValuesNotOnePerSource_Throws()
    {
        var act = () => ZonePersons.Of(With(Source("a", ZoneSourceRole.Occupancy)), [1, 2], Quarter);

        act.Should().Throw<ArgumentException>().WithMessage("*one value per source*");
    }
}

using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Series;

public sealed class SensorUnitsTest
{
    [Theory]
    [InlineData(SensorKind.PedestrianCount, 60, "persons per hour")]
    [InlineData(SensorKind.PedestrianCount, 15, "persons per 15 minutes")]
    [InlineData(SensorKind.RoadFlow, 5, "vehicles per 5 minutes")]
    [InlineData(SensorKind.RoadFlow, 120, "vehicles per 2 hours")]
    [InlineData(SensorKind.DeviceCount, 15, "devices in the cell")]
    [InlineData(SensorKind.Occupancy, 1, "persons present")]
    public void AxisTitle_KindAndStep_NamesTheUnitAndTheInterval(SensorKind kind, int minutes, string expected) =>
        SensorUnits.AxisTitle(kind, TimeSpan.FromMinutes(minutes)).Should().Be(expected);
}

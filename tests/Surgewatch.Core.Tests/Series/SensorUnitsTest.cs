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

    [Theory]
    [InlineData(SensorKind.PedestrianCount, 60, "km/h", "persons/h")]
    [InlineData(SensorKind.PedestrianCount, 1, "km/h", "persons/min")]
    [InlineData(SensorKind.RoadFlow, 5, "km/h", "vehicles/5 min")]
    [InlineData(SensorKind.RoadSpeed, 5, "mph", "mph")]
    [InlineData(SensorKind.RoadSpeed, 5, "km/h", "km/h")]
    [InlineData(SensorKind.DeviceCount, 15, "mph", "devices")]
    public void Short_KindStepAndSpeedUnit_IsTheLabelUnit(SensorKind kind, int minutes, string speedUnit, string expected) =>
        SensorUnits.Short(kind, TimeSpan.FromMinutes(minutes), speedUnit).Should().Be(expected);

    [Theory]
    [InlineData("km/h", true)]
    [InlineData("mph", true)]
    [InlineData("MPH", false)]
    [InlineData("m/s", false)]
    [InlineData(null, false)]
    public void IsSpeedUnit_Unit_OnlyTheStatedOnes(string? unit, bool expected) => SensorUnits.IsSpeedUnit(unit).Should().Be(expected);
}

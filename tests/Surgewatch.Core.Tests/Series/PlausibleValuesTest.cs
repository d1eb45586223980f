using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Series;

public class PlausibleValuesTest
{
    [Theory]
    [InlineData(SensorKind.PedestrianCount, 0)]
    [InlineData(SensorKind.PedestrianCount, 10_000_000)]
    [InlineData(SensorKind.DeviceCount, 4411)]
    [InlineData(SensorKind.Occupancy, 12.5)]
    [InlineData(SensorKind.RoadFlow, 1800.25)]
    [InlineData(SensorKind.RoadSpeed, 0)]
    [InlineData(SensorKind.RoadSpeed, 64.8)]
    [InlineData(SensorKind.RoadSpeed, 400)]
    public void IsPlausible_ValueWithinItsKind_IsTrue(SensorKind kind, double value)
    {
        PlausibleValues.IsPlausible(kind, value, out var problem).Should().BeTrue();
        problem.Should().BeEmpty();
    }

    [Theory]
    [InlineData(SensorKind.PedestrianCount, 1e308, "is larger than 10000000")]
    [InlineData(SensorKind.PedestrianCount, 10_000_001, "is larger than 10000000")]
    [InlineData(SensorKind.PedestrianCount, 2.5, "is not a whole number")]
    [InlineData(SensorKind.DeviceCount, 0.1, "is not a whole number")]
    [InlineData(SensorKind.PedestrianCount, -1, "is negative")]
    [InlineData(SensorKind.RoadFlow, -0.5, "is negative")]
    [InlineData(SensorKind.RoadSpeed, 400.5, "is larger than 400")]
    [InlineData(SensorKind.RoadSpeed, -3, "is negative")]
    [InlineData(SensorKind.Occupancy, double.PositiveInfinity, "is not a finite number")]
    [InlineData(SensorKind.RoadSpeed, double.NaN, "is not a finite number")]
    public void IsPlausible_ValueOutsideItsKind_IsFalseSayingWhy(SensorKind kind, double value, string why)
    {
        PlausibleValues.IsPlausible(kind, value, out var problem).Should().BeFalse();
        problem.Should().StartWith(why);
    }
}

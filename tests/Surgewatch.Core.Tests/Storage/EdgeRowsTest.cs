using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;

namespace Surgewatch.Core.Tests.Storage;

public class EdgeRowsTest
{
    private static readonly Dictionary<SensorId, long> Keys = new() { [new("a")] = 1, [new("b")] = 2 };

    [Fact]
    public void Resolve_KnownSensors_GivesTheirKeysInOrder()
    {
        var rows = EdgeRows.Resolve([Edge("a", "b", 0.5), Edge("b", "a", 2)], Keys);

        rows.Should().Equal(new EdgeRow(1, 2, 0.5), new EdgeRow(2, 1, 2));
    }

    [Fact]
    public void Resolve_UnknownSensor_ThrowsNamingTheSensorAndTheEdge()
    {
        var act = () => EdgeRows.Resolve([Edge("a", "b", 0.5), Edge("b", "zz", 0.5)], Keys);

        act.Should().Throw<UnknownSensorException>()
            .Where(e => e.Sensor == new SensorId("zz") && e.Message.Contains("from 'b' to 'zz'") && e.Message.Contains("sensor 'zz'"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Resolve_WeightNotAboveZero_ThrowsNamingTheEdge(double weight)
    {
        var act = () => EdgeRows.Resolve([Edge("a", "b", weight)], Keys);

        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("from 'a' to 'b'"));
    }

    private static SensorEdge Edge(string from, string to, double weight) => new(new SensorId(from), new SensorId(to), weight);
}

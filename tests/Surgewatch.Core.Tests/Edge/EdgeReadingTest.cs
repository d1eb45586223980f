using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class EdgeReadingTest
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Of_IntervalWithALine_GivesOccupancyInAndOutSensors() =>
        EdgeReading.Of(new EdgeInterval(Start, 4.5, new LineCrossings(7, 3), 600, 600), "cam1").Should().Equal(
            new EdgeReading("cam1", Start, 4.5), new EdgeReading("cam1-in", Start, 7), new EdgeReading("cam1-out", Start, 3));

    [Fact]
    public void Of_IntervalWithoutALine_GivesOccupancyOnly() =>
        EdgeReading.Of(new EdgeInterval(Start, 2, null, 600, 600), "cam1").Should().Equal(new EdgeReading("cam1", Start, 2));

    [Fact]
    public void Type_Properties_HoldNoImageBoxOrPosition() =>
        typeof(EdgeReading).GetProperties().Select(p => p.Name).Should().BeEquivalentTo("SensorId", "Timestamp", "Value");
}

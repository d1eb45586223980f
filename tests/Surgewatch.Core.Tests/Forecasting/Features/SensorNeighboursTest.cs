using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public class SensorNeighboursTest
{
    [Fact]
    public void FromEdges_SelfLoopsUnknownSensorsAndZeroWeights_AreLeftOut()
    {
        var panel = Hourly(Ramp(3), Ramp(3), Ramp(3));
        SensorEdge[] edges =
        [
            new(new SensorId("s0"), new SensorId("s0"), 1),
            new(new SensorId("s0"), new SensorId("s1"), 0.5),
            new(new SensorId("s0"), new SensorId("s2"), 0),
            new(new SensorId("s0"), new SensorId("x"), 1),
            new(new SensorId("s2"), new SensorId("s0"), 0.25),
        ];

        var neighbours = SensorNeighbours.FromEdges(panel, edges);

        neighbours.Of(0).ToArray().Should().Equal(1);
        neighbours.WeightsOf(0).ToArray().Should().Equal(0.5);
        neighbours.Of(1).ToArray().Should().BeEmpty();
        neighbours.Of(2).ToArray().Should().Equal(0);
    }

    [Fact]
    public void FromEdges_Reverse_GivesEachSeriesTheSensorsLeadingToIt()
    {
        var panel = Hourly(Ramp(3), Ramp(3), Ramp(3));
        SensorEdge[] edges = [new(new SensorId("s0"), new SensorId("s1"), 0.5), new(new SensorId("s2"), new SensorId("s1"), 0.25)];

        var upstream = SensorNeighbours.FromEdges(panel, edges, reverse: true);

        upstream.Of(1).ToArray().Should().Equal(0, 2);
        upstream.WeightsOf(1).ToArray().Should().Equal(0.5, 0.25);
        upstream.Of(0).ToArray().Should().BeEmpty();
    }
}

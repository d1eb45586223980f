using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

public partial class RoadSegmentsTest
{
    // Near Los Angeles; one degree of latitude is about 111 km, so 0.001° is about 111 m north.
    private static readonly GeoPoint Origin = new(34.1, -118.3);

    [Fact]
    public void Draw_TwoLinkedSensors_EachDrawsHalfwayAndTheHalvesMeet()
    {
        var a = Road("a", 0, 0);
        var b = Road("b", 0.003, 0);

        var segments = RoadSegments.Draw([a, b], [Edge("a", "b", 0.5)]);

        segments.Should().HaveCount(2);
        segments[0].Start.Should().Be(a.Location);
        segments[1].Start.Should().Be(b.Location);
        RoadSegments.Metres(segments[0].End, segments[1].End).Should().BeLessThan(0.01);
        RoadSegments.Metres(a.Location!.Value, segments[0].End).Should().BeApproximately(RoadSegments.Metres(a.Location.Value, b.Location!.Value) / 2, 0.01);
    }

    [Fact]
    public void Draw_SeveralNeighbours_HeadsForTheHighestWeight()
    {
        var segments = RoadSegments.Draw(
            [Road("a", 0, 0), Road("north", 0.002, 0), Road("east", 0, 0.002)],
            [Edge("a", "north", 0.2), Edge("a", "east", 0.9)]);

        Heading(segments[0]).Should().Be("east");
    }

    [Fact]
    public void Draw_EqualWeights_HeadsForTheNearerNeighbour()
    {
        var segments = RoadSegments.Draw(
            [Road("a", 0, 0), Road("north", 0.001, 0), Road("east", 0, 0.003)],
            [Edge("a", "east", 0.5), Edge("a", "north", 0.5)]);

        Heading(segments[0]).Should().Be("north");
    }

    [Fact]
    public void Draw_EdgeListedOnlyByTheNeighbour_DrawsTowardItToo()
    {
        var segments = RoadSegments.Draw([Road("a", 0, 0), Road("b", 0.002, 0)], [Edge("b", "a", 0.5)]);

        Heading(segments[0]).Should().Be("north");
        Heading(segments[1]).Should().Be("south");
    }

    [Fact]
    public void Draw_FarNeighbour_CapsTheLine()
    {
        var segments = RoadSegments.Draw([Road("a", 0, 0), Road("b", 0.05, 0)], [Edge("a", "b", 1)]);

        Length(segments[0]).Should().BeApproximately(RoadSegments.MaxHalfMetres, 0.01);
    }

    [Fact]
    public void Draw_OnlyASelfLoopAndANeighbourWithoutPosition_DrawsAStubTowardTheNearestRoadSensor()
    {
        var unplaced = new Sensor(new SensorId("unplaced"), "unplaced", null, SensorKind.RoadSpeed, Sensor.FiveMinutes);

        var segments = RoadSegments.Draw(
            [Road("a", 0, 0), Road("far", 0.02, 0), Road("near", 0, -0.004), unplaced],
            [Edge("a", "a", 1), Edge("a", "unplaced", 1)]);

        Length(segments[0]).Should().BeApproximately(RoadSegments.StubMetres, 0.01);
        Heading(segments[0]).Should().Be("west");
    }

    [Fact]
    public void Draw_LoneSensor_DrawsAStubEast()
    {
        var segments = RoadSegments.Draw([Road("a", 0, 0)], []);

        Length(segments[0]).Should().BeApproximately(RoadSegments.StubMetres, 0.01);
        Heading(segments[0]).Should().Be("east");
    }

    [Fact]
    public void Draw_CountersAndSensorsWithoutPosition_AreNotDrawn()
    {
        var counter = Road("counter", 0.001, 0) with { Kind = SensorKind.PedestrianCount };
        var unplaced = new Sensor(new SensorId("unplaced"), "unplaced", null, SensorKind.RoadSpeed, Sensor.FiveMinutes);
        var flow = Road("flow", 0, 0.001) with { Kind = SensorKind.RoadFlow };

        var segments = RoadSegments.Draw([Road("a", 0, 0), counter, unplaced, flow], [Edge("a", "counter", 1)]);

        segments.Select(s => s.Sensor.Value).Should().Equal("a", "flow");
        Heading(segments[0]).Should().Be("east", "a counter is not on the road graph's map");
    }

    [Fact]
    public void Draw_NeighbourAtTheSamePlace_IsPassedOverForTheNextOne()
    {
        var segments = RoadSegments.Draw(
            [Road("a", 0, 0), Road("twin", 0, 0), Road("north", 0.002, 0)],
            [Edge("a", "twin", 1), Edge("a", "north", 0.1)]);

        Heading(segments[0]).Should().Be("north");
    }

    [Fact]
    public void Draw_SegmentCarriesTheSensorsName()
    {
        var segments = RoadSegments.Draw([Road("a", 0, 0) with { Name = "I-5 at Main" }], []);

        segments[0].Name.Should().Be("I-5 at Main");
    }

    private static Sensor Road(string id, double north, double east) =>
        new(new SensorId(id), id, new GeoPoint(Origin.Latitude + north, Origin.Longitude + east), SensorKind.RoadSpeed, Sensor.FiveMinutes);

    private static SensorEdge Edge(string from, string to, double weight) => new(new SensorId(from), new SensorId(to), weight);

    private static double Length(RoadSegment segment) => RoadSegments.Metres(segment.Start, segment.End);

    private static string Heading(RoadSegment segment)
    {
        var north = segment.End.Latitude - segment.Start.Latitude;
        var east = segment.End.Longitude - segment.Start.Longitude;
        return Math.Abs(north) > Math.Abs(east) ? (north > 0 ? "north" : "south") : (east > 0 ? "east" : "west");
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

public partial class RoadSegmentsTest
{
    [Property(Arbitrary = [typeof(GraphArbitraries)])]
    public bool Draw_AnyGraph_EveryRoadSensorWithAPositionGetsExactlyOneLineFromItsPosition(RoadGraph graph)
    {
        var segments = RoadSegments.Draw(graph.Sensors, graph.Edges);

        var expected = graph.Sensors.Where(s => s.Location is not null && RoadSegments.IsRoad(s.Kind)).ToList();
        return segments.Count == expected.Count
            && segments.Select(s => s.Sensor).SequenceEqual(expected.Select(s => s.Id))
            && segments.Zip(expected).All(p => p.First.Start == p.Second.Location);
    }

    [Property(Arbitrary = [typeof(GraphArbitraries)])]
    public bool Draw_AnyGraph_EveryLineIsBetweenHalfAMetreAndTheCap(RoadGraph graph)
    {
        var segments = RoadSegments.Draw(graph.Sensors, graph.Edges);

        return segments.All(s => Length(s) is var metres
            && metres >= (RoadSegments.MinNeighbourMetres / 2) - 1e-6
            && metres <= RoadSegments.MaxHalfMetres + 1e-6);
    }

    [Property(Arbitrary = [typeof(GraphArbitraries)])]
    public bool Draw_EdgesInAnotherOrder_DrawsTheSameLines(RoadGraph graph)
    {
        var drawn = RoadSegments.Draw(graph.Sensors, graph.Edges);
        var reversed = RoadSegments.Draw(graph.Sensors, Enumerable.Reverse(graph.Edges).ToArray());

        return drawn.SequenceEqual(reversed);
    }

    /// <summary>A few sensors around a random place on earth (across the antimeridian too), some off the road graph.</summary>
    public sealed record RoadGraph(Sensor[] Sensors, SensorEdge[] Edges)
    {
        public override string ToString() =>
            string.Join("; ", Sensors.Select(s => $"{s.Id} {s.Kind} {s.Location}")) + " | " + string.Join("; ", Edges);
    }

    public static class GraphArbitraries
    {
        private static readonly SensorKind[] Kinds = [SensorKind.RoadSpeed, SensorKind.RoadSpeed, SensorKind.RoadFlow, SensorKind.PedestrianCount];

        public static Arbitrary<RoadGraph> Graphs()
        {
            var centre = Gen.Zip(Gen.Choose(-600, 600), Gen.Choose(-1800, 1800)).Select(c => (Lat: c.Item1 / 10.0, Lon: c.Item2 / 10.0));
            var offset = Gen.Choose(-40, 40).Select(o => o / 1000.0);
            var sensor = Gen.Zip(Gen.Elements(Kinds), Gen.Zip(offset, offset), (kind, at) => (kind, at))
                .SelectMany(s => Gen.Choose(0, 5).Select(unplaced => (Kind: s.kind, Offset: s.at, Unplaced: unplaced)));
            var weight = Gen.Frequency((1, Gen.Constant(0.0)), (9, Gen.Choose(1, 5).Select(w => w / 5.0)));
            return Gen.Choose(0, 10).SelectMany(n =>
                {
                    var edge = Gen.Zip(Gen.Choose(0, n), Gen.Choose(0, n), (from, to) => (from, to))
                        .SelectMany(e => weight.Select(w => (From: e.from, To: e.to, Weight: w)));
                    return Gen.Zip(centre, Gen.ArrayOf(sensor, n), (c, s) => (c, s))
                        .SelectMany(g => Gen.ArrayOf(edge, n * 3).Select(edges => Build(g.c, g.s, edges)));
                })
                .ToArbitrary();
        }

        private static RoadGraph Build(
            (double Lat, double Lon) centre, (SensorKind Kind, (double North, double East) Offset, int Unplaced)[] sensors, (int From, int To, double Weight)[] edges)
        {
            var built = sensors.Select((s, i) => new Sensor(
                new SensorId($"s{i}"),
                $"Sensor {i}",
                s.Unplaced == 0 ? null : new GeoPoint(centre.Lat + s.Offset.North, Wrap(centre.Lon + s.Offset.East)),
                s.Kind,
                Sensor.FiveMinutes)).ToArray();

            // Index n names a sensor that is not in the list.
            return new RoadGraph(built, [.. edges.Select(e => new SensorEdge(new SensorId($"s{e.From}"), new SensorId($"s{e.To}"), e.Weight))]);
        }

        private static double Wrap(double longitude) => longitude > 180 ? longitude - 360 : longitude < -180 ? longitude + 360 : longitude;
    }
}

using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Roads;

/// <summary>
/// Draws each road sensor as a short line along its road, from the sensor positions and the road graph alone (no
/// street map is needed). A road sensor is one of kind <see cref="SensorKind.RoadSpeed"/> or
/// <see cref="SensorKind.RoadFlow"/> with a position. Its line starts at its position and heads for its
/// <b>strongest neighbour</b>: of the road sensors it shares an edge with (either way round, since a link is the same
/// stretch of road whichever sensor lists it; self-loops, weights that are not above zero, neighbours without a
/// position and neighbours within <see cref="MinNeighbourMetres"/>, which give no direction, are left out), the one
/// with the highest weight, ties going to the nearer one, then to the lower id. The line covers <b>half the
/// distance</b>, so the halves drawn by two neighbours meet and the road reads as one line, but at most
/// <see cref="MaxHalfMetres"/>, so a distant neighbour does not draw a line across the city. A sensor with no usable
/// neighbour gets a <see cref="StubMetres"/> stub towards its nearest road sensor (roads run between sensors), or
/// due east when it is the only one. Distances are on a local flat approximation of the sphere, which is well within
/// a metre over such lengths.
/// </summary>
public static class RoadSegments
{
    /// <summary>The length of the line of a sensor without a usable neighbour, in metres.</summary>
    public const double StubMetres = 60;

    /// <summary>The longest line drawn towards a neighbour, in metres.</summary>
    public const double MaxHalfMetres = 500;

    /// <summary>Neighbours nearer than this, in metres, are at the sensor's own place and give no direction.</summary>
    public const double MinNeighbourMetres = 1;

    private const double MetresPerDegree = ZonePolygon.EarthRadiusMetres * Math.PI / 180;

    /// <summary>Whether sensors of <paramref name="kind"/> measure a road.</summary>
    public static bool IsRoad(SensorKind kind) => kind is SensorKind.RoadSpeed or SensorKind.RoadFlow;

    /// <summary>
    /// One line for each road sensor of <paramref name="sensors"/> that has a position, in the order of
    /// <paramref name="sensors"/> (a sensor listed twice counts once); edges naming any other sensor are ignored.
    /// </summary>
    public static IReadOnlyList<RoadSegment> Draw(IReadOnlyList<Sensor> sensors, IReadOnlyList<SensorEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(sensors);
        ArgumentNullException.ThrowIfNull(edges);
        var (roads, index) = RoadSensors(sensors);
        var best = new Neighbour[roads.Length];
        Array.Fill(best, Neighbour.None);
        foreach (var edge in edges)
        {
            if (edge.From != edge.To && edge.Weight > 0 && double.IsFinite(edge.Weight)
                && index.TryGetValue(edge.From, out var a) && index.TryGetValue(edge.To, out var b))
            {
                Consider(roads, best, a, b, edge.Weight);
                Consider(roads, best, b, a, edge.Weight);
            }
        }

        var segments = new RoadSegment[roads.Length];
        for (var i = 0; i < roads.Length; i++)
        {
            segments[i] = Segment(roads, i, best[i]);
        }

        return segments;
    }

    /// <summary>The distance from <paramref name="from"/> to <paramref name="to"/> in metres, as the lines are measured.</summary>
    public static double Metres(GeoPoint from, GeoPoint to)
    {
        var (east, north) = Offset(from, to);
        return Math.Sqrt((east * east) + (north * north));
    }

    private static (Sensor[] Roads, Dictionary<SensorId, int> Index) RoadSensors(IReadOnlyList<Sensor> sensors)
    {
        var roads = new List<Sensor>();
        var index = new Dictionary<SensorId, int>();
        foreach (var sensor in sensors)
        {
            if (sensor is { Location: not null } && IsRoad(sensor.Kind) && index.TryAdd(sensor.Id, roads.Count))
            {
                roads.Add(sensor);
            }
        }

        return ([.. roads], index);
    }

    private static void Consider(Sensor[] roads, Neighbour[] best, int sensor, int candidate, double weight)
    {
        var metres = Metres(roads[sensor].Location!.Value, roads[candidate].Location!.Value);
        if (metres < MinNeighbourMetres)
        {
            return;
        }

        var current = best[sensor];
        var better = current.Index < 0
            || weight > current.Weight
            || (weight == current.Weight && (metres < current.Metres
                || (metres == current.Metres && roads[candidate].Id.CompareTo(roads[current.Index].Id) < 0)));
        if (better)
        {
            best[sensor] = new Neighbour(candidate, weight, metres);
        }
    }

    private static RoadSegment Segment(Sensor[] roads, int i, Neighbour neighbour)
    {
        var sensor = roads[i];
        var start = sensor.Location!.Value;
        GeoPoint end;
        if (neighbour.Index >= 0)
        {
            end = Toward(start, roads[neighbour.Index].Location!.Value, Math.Min(neighbour.Metres / 2, MaxHalfMetres));
        }
        else
        {
            var nearest = Nearest(roads, i);
            end = nearest >= 0 ? Toward(start, roads[nearest].Location!.Value, StubMetres) : Move(start, StubMetres, 0);
        }

        return new RoadSegment(sensor.Id, sensor.Name, start, end);
    }

    /// <summary>The nearest other road sensor at least <see cref="MinNeighbourMetres"/> away, or -1.</summary>
    private static int Nearest(Sensor[] roads, int i)
    {
        var at = roads[i].Location!.Value;
        var nearest = -1;
        var nearestMetres = double.PositiveInfinity;
        for (var j = 0; j < roads.Length; j++)
        {
            var metres = Metres(at, roads[j].Location!.Value);
            if (j != i && metres >= MinNeighbourMetres && metres < nearestMetres)
            {
                nearest = j;
                nearestMetres = metres;
            }
        }

        return nearest;
    }

    private static GeoPoint Toward(GeoPoint from, GeoPoint to, double metres)
    {
        var (east, north) = Offset(from, to);
        var scale = metres / Math.Sqrt((east * east) + (north * north));
        return Move(from, east * scale, north * scale);
    }

    /// <summary>Metres east and north from <paramref name="from"/> to <paramref name="to"/>, across the antimeridian the short way.</summary>
    private static (double East, double North) Offset(GeoPoint from, GeoPoint to)
    {
        var degreesEast = to.Longitude - from.Longitude;
        degreesEast -= 360 * Math.Round(degreesEast / 360);
        var midLatitude = (from.Latitude + to.Latitude) / 2 * Math.PI / 180;
        return (degreesEast * MetresPerDegree * Math.Cos(midLatitude), (to.Latitude - from.Latitude) * MetresPerDegree);
    }

    private static GeoPoint Move(GeoPoint from, double east, double north)
    {
        var latitude = Math.Clamp(from.Latitude + (north / MetresPerDegree), -90, 90);
        var cos = Math.Cos(((from.Latitude + latitude) / 2) * Math.PI / 180);
        var longitude = from.Longitude + (cos > 1e-9 ? east / (MetresPerDegree * cos) : 0);
        longitude -= 360 * Math.Round(longitude / 360);
        return new GeoPoint(latitude, longitude);
    }

    private readonly record struct Neighbour(int Index, double Weight, double Metres)
    {
        public static readonly Neighbour None = new(-1, 0, double.PositiveInfinity);
    }
}

using Surgewatch.Core.Series;

namespace Surgewatch.Core.Zones;

/// <summary>A zone's outline: ring 0 is the outer boundary, further rings are holes. (Placeholder until the lead's version is merged.)</summary>
/// <param name="Rings">The rings, each a list of points, closed or not.</param>
public sealed record ZonePolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> Rings)
{
    /// <summary>The area in square metres on a spherical Earth (outer ring minus holes).</summary>
    public double AreaSquareMetres()
    {
        var area = 0.0;
        for (var r = 0; r < Rings.Count; r++)
        {
            var ring = Math.Abs(RingArea(Rings[r]));
            area += r == 0 ? ring : -ring;
        }

        return Math.Max(0, area);
    }

    /// <summary>The mean of the outer ring's points.</summary>
    public GeoPoint Centroid()
    {
        double lat = 0, lon = 0;
        var ring = Rings[0];
        foreach (var p in ring)
        {
            lat += p.Latitude;
            lon += p.Longitude;
        }

        return new GeoPoint(lat / ring.Count, lon / ring.Count);
    }

    private static double RingArea(IReadOnlyList<GeoPoint> ring)
    {
        const double radius = 6_371_008.8;
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            sum += ToRadians(b.Longitude - a.Longitude) * (2 + Math.Sin(ToRadians(a.Latitude)) + Math.Sin(ToRadians(b.Latitude)));
        }

        return sum * radius * radius / 2;
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

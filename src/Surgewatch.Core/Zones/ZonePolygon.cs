using Surgewatch.Core.Series;

namespace Surgewatch.Core.Zones;

/// <summary>
/// A zone's outline in WGS84: ring 0 is the outer boundary, any further rings are holes (a building in a square).
/// A ring may repeat its first point at the end, as GeoJSON does, or not.
/// </summary>
/// <param name="Rings">The outer ring, then the holes; each with at least three distinct points.</param>
public sealed record ZonePolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> Rings)
{
    /// <summary>The earth radius the area uses, in metres (WGS84 semi-major axis, as GeoJSON tools use).</summary>
    public const double EarthRadiusMetres = 6_378_137.0;

    /// <summary>Checks the rings and returns this polygon.</summary>
    /// <exception cref="ArgumentException">There is no ring, a ring has fewer than three distinct points, or the outer ring has no area.</exception>
    public ZonePolygon Validated()
    {
        if (Rings is null || Rings.Count == 0)
        {
            throw new ArgumentException("A zone polygon needs an outer ring.", nameof(Rings));
        }

        for (var r = 0; r < Rings.Count; r++)
        {
            if (DistinctCount(Rings[r]) < 3)
            {
                throw new ArgumentException($"Ring {r} of the zone polygon has fewer than three distinct points.", nameof(Rings));
            }
        }

        if (!(RingArea(Rings[0]) > 0))
        {
            throw new ArgumentException("The zone polygon's outer ring encloses no area.", nameof(Rings));
        }

        return this;
    }

    /// <summary>
    /// The area in square metres on a sphere: the outer ring's area less its holes'. Exact for a spherical polygon
    /// with straight edges in longitude/latitude, within a fraction of a percent of the ellipsoid for zones of a city.
    /// </summary>
    public double AreaSquareMetres()
    {
        var area = RingArea(Rings[0]);
        for (var r = 1; r < Rings.Count; r++)
        {
            area -= RingArea(Rings[r]);
        }

        return Math.Max(area, 0);
    }

    /// <summary>The area-weighted centre of the outer ring, for labels and map markers.</summary>
    public GeoPoint Centroid()
    {
        var ring = Rings[0];
        var origin = ring[0];
        var scale = Math.Cos(origin.Latitude * Math.PI / 180);
        double twiceArea = 0, cx = 0, cy = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (x0, y0) = Local(ring[i], origin, scale);
            var (x1, y1) = Local(ring[(i + 1) % ring.Count], origin, scale);
            var cross = (x0 * y1) - (x1 * y0);
            twiceArea += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }

        if (Math.Abs(twiceArea) < 1e-18)
        {
            return origin;
        }

        var lon = origin.Longitude + (cx / (3 * twiceArea) / scale);
        var lat = origin.Latitude + (cy / (3 * twiceArea));
        return new GeoPoint(lat, lon);
    }

    private static (double X, double Y) Local(GeoPoint p, GeoPoint origin, double scale) =>
        ((p.Longitude - origin.Longitude) * scale, p.Latitude - origin.Latitude);

    // The spherical-excess sum of Chamberlain and Duquette (2007): |Σ (λ₂ − λ₁)(2 + sin φ₁ + sin φ₂)| · R² / 2.
    private static double RingArea(IReadOnlyList<GeoPoint> ring)
    {
        double sum = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            sum += Radians(b.Longitude - a.Longitude) * (2 + Math.Sin(Radians(a.Latitude)) + Math.Sin(Radians(b.Latitude)));
        }

        return Math.Abs(sum) * EarthRadiusMetres * EarthRadiusMetres / 2;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static int DistinctCount(IReadOnlyList<GeoPoint>? ring)
    {
        if (ring is null)
        {
            return 0;
        }

        var seen = new HashSet<GeoPoint>();
        foreach (var point in ring)
        {
            seen.Add(point);
        }

        return seen.Count;
    }
}

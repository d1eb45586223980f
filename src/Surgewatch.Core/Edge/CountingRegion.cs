namespace Surgewatch.Core.Edge;

/// <summary>The polygon in which occupancy is counted: a person is in it when the foot of their box is.</summary>
public sealed class CountingRegion
{
    private readonly PixelPoint[] _vertices;

    private CountingRegion(PixelPoint[] vertices) => _vertices = vertices;

    /// <summary>The polygon's corners, in order.</summary>
    public IReadOnlyList<PixelPoint> Vertices => _vertices;

    /// <summary>The whole <paramref name="width"/> × <paramref name="height"/> frame.</summary>
    public static CountingRegion WholeFrame(int width, int height) =>
        new([new(0, 0), new(width, 0), new(width, height), new(0, height)]);

    /// <summary>A region from <c>"x1,y1 x2,y2 x3,y3 …"</c>, checked against a <paramref name="width"/> × <paramref name="height"/> frame.</summary>
    /// <exception cref="EdgeGeometryException">Fewer than three points, a malformed point, or a point outside the frame.</exception>
    public static CountingRegion Parse(string text, int width, int height)
    {
        var points = PixelPoints.Parse(text, "--region");
        if (points.Count < 3)
        {
            throw new EdgeGeometryException($"--region '{text}': a region needs at least three points \"x,y\".");
        }

        PixelPoints.RequireInside(points, width, height, "--region");
        return new CountingRegion([.. points]);
    }

    /// <summary>Whether <paramref name="point"/> lies inside the polygon (points on the frame's far edges count as inside).</summary>
    public bool Contains(PixelPoint point)
    {
        // Even-odd ray casting; the frame edge x == width or y == height is where a box foot often lands, so the
        // bottom and right edges are nudged inward by treating the point as a hair above and left.
        var x = point.X - 1e-9;
        var y = point.Y - 1e-9;
        var inside = false;
        for (int i = 0, j = _vertices.Length - 1; i < _vertices.Length; j = i++)
        {
            var a = _vertices[i];
            var b = _vertices[j];
            if ((a.Y > y) != (b.Y > y) && x < ((b.X - a.X) * (y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }
}

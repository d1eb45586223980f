using System.Globalization;

namespace Surgewatch.Core.Edge;

/// <summary>Parses the <c>"x1,y1 x2,y2 …"</c> point lists of <c>--region</c> and <c>--line</c>.</summary>
public static class PixelPoints
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="what"/> names the option in the error message.</summary>
    /// <exception cref="EdgeGeometryException">A pair is not two numbers separated by a comma.</exception>
    public static IReadOnlyList<PixelPoint> Parse(string text, string what)
    {
        var pairs = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var points = new PixelPoint[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            var xy = pairs[i].Split(',');
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
                || !double.IsFinite(x) || !double.IsFinite(y))
            {
                throw new EdgeGeometryException($"{what} '{text}': '{pairs[i]}' is not a point; write pixel points as \"x,y\" separated by spaces, e.g. \"10,20 300,20 300,200\".");
            }

            points[i] = new PixelPoint(x, y);
        }

        return points;
    }

    /// <summary>Refuses any point outside a <paramref name="width"/> × <paramref name="height"/> frame.</summary>
    /// <exception cref="EdgeGeometryException">A point lies outside the frame.</exception>
    public static void RequireInside(IReadOnlyList<PixelPoint> points, int width, int height, string what)
    {
        foreach (var p in points)
        {
            if (p.X < 0 || p.Y < 0 || p.X > width || p.Y > height)
            {
                throw new EdgeGeometryException(
                    string.Create(CultureInfo.InvariantCulture, $"{what}: the point {p.X},{p.Y} is outside the {width}x{height} frame; points must lie within 0..{width}, 0..{height}."));
            }
        }
    }
}

namespace Surgewatch.Core.Edge;

/// <summary>The direction of one crossing of a <see cref="CountingLine"/>.</summary>
public enum CrossingDirection
{
    /// <summary>No crossing.</summary>
    None,

    /// <summary>From the left of the line (looking from its first point to its second) to its right: the <c>ID-in</c> sensor.</summary>
    In,

    /// <summary>From the right of the line to its left: the <c>ID-out</c> sensor.</summary>
    Out,
}

/// <summary>
/// The segment whose crossings are counted. Looking from <see cref="From"/> to <see cref="To"/> in the image (y down),
/// moving from the left side to the right side is <see cref="CrossingDirection.In"/>.
/// </summary>
/// <param name="From">First end.</param>
/// <param name="To">Second end.</param>
public sealed record CountingLine(PixelPoint From, PixelPoint To)
{
    /// <summary>A line from <c>"x1,y1 x2,y2"</c>, checked against a <paramref name="width"/> × <paramref name="height"/> frame.</summary>
    /// <exception cref="EdgeGeometryException">Not exactly two distinct points, a malformed point, or a point outside the frame.</exception>
    public static CountingLine Parse(string text, int width, int height)
    {
        var points = PixelPoints.Parse(text, "--line");
        if (points.Count != 2 || points[0] == points[1])
        {
            throw new EdgeGeometryException($"--line '{text}': a line is two different points \"x1,y1 x2,y2\".");
        }

        PixelPoints.RequireInside(points, width, height, "--line");
        return new CountingLine(points[0], points[1]);
    }

    /// <summary>How a move from <paramref name="before"/> to <paramref name="after"/> crosses the segment, if it does.</summary>
    public CrossingDirection Crossing(PixelPoint before, PixelPoint after)
    {
        var sideBefore = Side(before);
        var sideAfter = Side(after);
        if (sideBefore == 0 || sideAfter == 0 || Math.Sign(sideBefore) == Math.Sign(sideAfter))
        {
            return CrossingDirection.None;
        }

        // The move crosses the infinite line; it crosses the segment when the segment's ends lie on either side of the move.
        var endA = Cross(before, after, From);
        var endB = Cross(before, after, To);
        if (Math.Sign(endA) == Math.Sign(endB))
        {
            return CrossingDirection.None;
        }

        // With y pointing down, a positive cross product means the point is to the right of From→To.
        return sideBefore < 0 ? CrossingDirection.In : CrossingDirection.Out;
    }

    /// <summary>
    /// Which side <paramref name="p"/> is on: +1 right (the <see cref="CrossingDirection.In"/> side), -1 left, and 0 when it
    /// is within <paramref name="margin"/> pixels of the line or beyond either end of the segment, where no side is settled.
    /// </summary>
    public int SideOf(PixelPoint p, double margin)
    {
        var dx = To.X - From.X;
        var dy = To.Y - From.Y;
        var lengthSquared = (dx * dx) + (dy * dy);
        var along = (((p.X - From.X) * dx) + ((p.Y - From.Y) * dy)) / lengthSquared;
        var distance = Side(p) / Math.Sqrt(lengthSquared);
        return along < 0 || along > 1 || Math.Abs(distance) < margin ? 0 : Math.Sign(distance);
    }

    private double Side(PixelPoint p) => Cross(From, To, p);

    private static double Cross(PixelPoint a, PixelPoint b, PixelPoint p) => ((b.X - a.X) * (p.Y - a.Y)) - ((b.Y - a.Y) * (p.X - a.X));
}

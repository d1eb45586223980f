namespace Surgewatch.Core.Edge;

/// <summary>
/// A point in a frame's pixel coordinates (x to the right, y down). It lives only inside the edge process: no output
/// schema has a place for one.
/// </summary>
/// <param name="X">Column, in pixels.</param>
/// <param name="Y">Row, in pixels.</param>
public readonly record struct PixelPoint(double X, double Y);

/// <summary>
/// An axis-aligned box around one detected person, in pixels. Used only inside the edge process to count and to
/// associate detections from frame to frame; it is never written, sent or logged.
/// </summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width, positive.</param>
/// <param name="Height">Height, positive.</param>
public readonly record struct PixelBox(double X, double Y, double Width, double Height)
{
    /// <summary>The middle of the bottom edge: where the person stands, the point counted in a region or on a line.</summary>
    public PixelPoint Foot => new(X + (Width / 2), Y + Height);

    /// <summary>The box's area in square pixels.</summary>
    public double Area => Width * Height;

    /// <summary>Intersection over union with <paramref name="other"/>: 0 when apart, 1 when the same box.</summary>
    public double IntersectionOverUnion(PixelBox other)
    {
        var intersection = IntersectionArea(other);
        return intersection > 0 ? intersection / (Area + other.Area - intersection) : 0;
    }

    /// <summary>The share of this box's area that lies inside <paramref name="other"/>: 0 when apart, 1 when wholly inside.</summary>
    public double ShareInside(PixelBox other) => Area > 0 ? IntersectionArea(other) / Area : 0;

    private double IntersectionArea(PixelBox other)
    {
        var w = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        var h = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /// <summary>This box moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public PixelBox Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

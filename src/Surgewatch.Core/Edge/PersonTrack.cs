namespace Surgewatch.Core.Edge;

/// <summary>
/// One short-lived position track of <see cref="PersonTracker"/>: a box moved by constant velocity (an alpha-beta
/// filter, the steady-state form of a Kalman filter) and the side of the counting line it was last clearly on. It holds
/// positions and motion only, and lives only while its person is in view.
/// </summary>
internal sealed class PersonTrack(PixelBox box)
{
    /// <summary>The filtered box: after <see cref="Predict"/> the prediction, after an update the estimate.</summary>
    public PixelBox Box { get; private set; } = box;

    public double VelocityX { get; private set; }

    public double VelocityY { get; private set; }

    /// <summary>Frames with a detection of its own.</summary>
    public int Hits { get; private set; } = 1;

    /// <summary>Frames since its last detection of its own.</summary>
    public int Missed { get; private set; }

    /// <summary>Whether, in the latest frame, it had no detection of its own but lay inside another track's (a group).</summary>
    public bool Hidden { get; private set; }

    /// <summary>The detection taken in the current frame, or -1.</summary>
    public int Match { get; set; } = -1;

    /// <summary>The side of the line it was last clearly on (0: not yet, or it went round the line's end).</summary>
    public int SettledSide { get; set; }

    public void Predict() => Box = Box.Offset(VelocityX, VelocityY);

    /// <summary>Takes a detection of its own: the filter's position and velocity updates.</summary>
    public void Correct(PixelBox measured, TrackerOptions options)
    {
        var rx = measured.X - Box.X;
        var ry = measured.Y - Box.Y;

        // The residual built up over the frames since the last detection, so the velocity takes it per frame.
        var frames = Missed + 1;
        VelocityX += options.VelocityGain * rx / frames;
        VelocityY += options.VelocityGain * ry / frames;
        Box = new PixelBox(
            Box.X + (options.PositionGain * rx),
            Box.Y + (options.PositionGain * ry),
            Box.Width + (options.PositionGain * (measured.Width - Box.Width)),
            Box.Height + (options.PositionGain * (measured.Height - Box.Height)));
        Hits++;
        Missed = 0;
        Hidden = false;
    }

    /// <summary>
    /// No detection of its own, but its prediction lies in <paramref name="group"/>, a detection another track took: the
    /// person walks on behind or beside someone, so it keeps its prediction, held where a person of its size fits inside
    /// the group's box.
    /// </summary>
    public void HideIn(PixelBox group)
    {
        Box = Box.Offset(Within(Box.X, Box.Width, group.X, group.Width), Within(Box.Y, Box.Height, group.Y, group.Height));
        Missed++;
        Hidden = true;
    }

    /// <summary>The shift that brings [start, start + length) inside [outerStart, outerStart + outerLength), or centres it there when longer.</summary>
    private static double Within(double start, double length, double outerStart, double outerLength) =>
        length >= outerLength ? outerStart + ((outerLength - length) / 2) - start
        : Math.Clamp(start, outerStart, outerStart + outerLength - length) - start;

    /// <summary>Nothing seen where it was predicted: it coasts on its velocity.</summary>
    public void Coast()
    {
        Missed++;
        Hidden = false;
    }
}

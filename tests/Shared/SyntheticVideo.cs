using OpenCvSharp;

namespace Surgewatch.Testing.Video;

/// <summary>A figure that walks across a synthetic scene: dark body and head, <paramref name="Height"/> pixels tall.</summary>
/// <param name="StartX">Foot x at <paramref name="FirstFrame"/>.</param>
/// <param name="FootY">Foot row (constant).</param>
/// <param name="SpeedX">Pixels per frame, negative leftwards.</param>
/// <param name="FirstFrame">The frame it appears in.</param>
/// <param name="Height">Its height in pixels.</param>
/// <param name="TurnFrame">The frame after which it walks back the way it came, if any.</param>
/// <param name="Unseen">Frames [first, last] in which it is not drawn (a detector missing it), if any.</param>
internal sealed record Walker(double StartX, double FootY, double SpeedX, int FirstFrame = 0, int Height = 48, int? TurnFrame = null, (int First, int Last)? Unseen = null);

/// <summary>Draws moving figures on a still, textured background into a temporary MJPG video: test data with no real person in it.</summary>
internal static class SyntheticVideo
{
    public const int Width = 320;
    public const int Height = 240;
    public const double FramesPerSecond = 10;

    /// <summary>Writes <paramref name="frames"/> frames with <paramref name="walkers"/> to <paramref name="path"/> (.avi).</summary>
    public static string Write(string path, int frames, params Walker[] walkers)
    {
        using var writer = new VideoWriter(path, FourCC.MJPG, FramesPerSecond, new Size(Width, Height));
        if (!writer.IsOpened())
        {
            throw new InvalidOperationException("OpenCV's VideoWriter could not open an MJPG .avi for writing.");
        }

        using var background = Background();
        using var frame = new Mat();
        for (var i = 0; i < frames; i++)
        {
            background.CopyTo(frame);
            foreach (var w in walkers)
            {
                Draw(frame, w, i);
            }

            writer.Write(frame);
        }

        return path;
    }

    /// <summary>How many walkers have at least half their body in frame <paramref name="frame"/>.</summary>
    public static int Visible(int frame, params Walker[] walkers) =>
        walkers.Count(w => frame >= w.FirstFrame && X(w, frame) is >= 0 and <= Width);

    private static double X(Walker w, int frame)
    {
        var turn = w.TurnFrame ?? int.MaxValue;
        var forward = Math.Min(frame, turn) - w.FirstFrame;
        var back = Math.Max(0, frame - turn);
        return w.StartX + ((forward - back) * w.SpeedX);
    }

    private static Mat Background()
    {
        var mat = new Mat(Height, Width, MatType.CV_8UC3, new Scalar(150, 165, 155));
        Cv2.Rectangle(mat, new Rect(0, 0, Width, 60), new Scalar(90, 110, 140), -1);
        Cv2.Rectangle(mat, new Rect(40, 20, 50, 30), new Scalar(200, 200, 200), -1);
        Cv2.Line(mat, new Point(0, 200), new Point(Width, 180), new Scalar(120, 130, 125), 3);
        return mat;
    }

    private static void Draw(Mat frame, Walker w, int index)
    {
        if (index < w.FirstFrame || (w.Unseen is var (first, last) && index >= first && index <= last))
        {
            return;
        }

        var x = X(w, index);
        var bodyWidth = (int)(w.Height * 0.35);
        var headRadius = w.Height / 8;
        var bodyTop = (int)w.FootY - w.Height + (2 * headRadius);
        var sway = (index % 4) < 2 ? 1 : -1;
        Cv2.Rectangle(frame, new Rect((int)x - (bodyWidth / 2) + sway, bodyTop, bodyWidth, (int)w.FootY - bodyTop), new Scalar(40, 35, 60), -1);
        Cv2.Circle(frame, new Point((int)x, bodyTop - headRadius), headRadius, new Scalar(60, 80, 120), -1);
    }
}

using OpenCvSharp;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Sources;

namespace Surgewatch.Edge.Calibration;

/// <summary>
/// <c>edge calibrate</c>: ONE frame of the source with the region and the line drawn on it, written as PNG for setting up
/// a camera. The only place the edge counter writes an image, and only when asked.
/// </summary>
public static class CalibrationFrame
{
    /// <summary>Writes the frame at <paramref name="atSeconds"/> of <paramref name="source"/> to <paramref name="pngPath"/>.</summary>
    /// <exception cref="VideoSourceException">The source ends before that time, or the PNG cannot be written.</exception>
    public static void Write(VideoSource source, double atSeconds, CountingRegion? region, CountingLine? line, string pngPath)
    {
        using var frame = new Mat();
        var target = (long)Math.Round(atSeconds * source.FramesPerSecond);
        for (long i = 0; i < target; i++)
        {
            if (!source.Skip())
            {
                throw new VideoSourceException($"--at {atSeconds}: the source ends before that time.");
            }
        }

        if (!source.Read(frame))
        {
            throw new VideoSourceException($"--at {atSeconds}: the source ends before that time.");
        }

        Draw(frame, region, line);
        if (!Cv2.ImWrite(pngPath, frame) || !File.Exists(pngPath))
        {
            throw new VideoSourceException($"--out '{pngPath}': the frame could not be written (does its folder exist, may it be written, and does the name end in .png?).");
        }
    }

    private static void Draw(Mat frame, CountingRegion? region, CountingLine? line)
    {
        if (region is not null)
        {
            var points = region.Vertices.Select(p => new Point((int)p.X, (int)p.Y)).ToArray();
            Cv2.Polylines(frame, [points], isClosed: true, Scalar.LimeGreen, 2);
        }

        if (line is not null)
        {
            var a = new Point((int)line.From.X, (int)line.From.Y);
            var b = new Point((int)line.To.X, (int)line.To.Y);
            Cv2.Line(frame, a, b, Scalar.Red, 2);
            Cv2.PutText(frame, "A", a, HersheyFonts.HersheySimplex, 0.6, Scalar.Red, 2);
            Cv2.PutText(frame, "B", b, HersheyFonts.HersheySimplex, 0.6, Scalar.Red, 2);

            // The "in" side: to the right looking from A to B.
            var mid = new Point((a.X + b.X) / 2, (a.Y + b.Y) / 2);
            var dx = b.X - a.X;
            var dy = b.Y - a.Y;
            var length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
            var inside = new Point(mid.X - (int)(20 * dy / length), mid.Y + (int)(20 * dx / length));
            Cv2.ArrowedLine(frame, mid, inside, Scalar.Yellow, 2);
            Cv2.PutText(frame, "in", inside, HersheyFonts.HersheySimplex, 0.6, Scalar.Yellow, 2);
        }
    }
}

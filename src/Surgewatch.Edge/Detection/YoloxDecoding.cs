using OpenCvSharp;
using OpenCvSharp.Dnn;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>A person box in the network's input pixels, with its score (objectness × person class).</summary>
internal readonly record struct ScoredBox(Rect2d Box, float Score);

/// <summary>
/// Turns YOLOX's raw output into person boxes. The output has one row per grid cell of the three strides (8, 16 and
/// 32 pixels, row by row, the finest first), each row <c>cx, cy, log w, log h, objectness, 80 class scores</c>: the
/// centre is an offset in cells from the cell's corner, the size a log in cells. Class 0 is "person".
/// </summary>
internal static class YoloxDecoding
{
    /// <summary>Values per row: 4 box values, objectness, 80 COCO classes.</summary>
    public const int RowLength = 85;

    private static readonly int[] Strides = [8, 16, 32];

    /// <summary>Overlap (intersection over union) above which the weaker of two person boxes is dropped.</summary>
    private const float NmsOverlap = 0.45f;

    /// <summary>The cells whose person score is at least <paramref name="minScore"/>, as boxes in input pixels.</summary>
    public static List<ScoredBox> People(ReadOnlySpan<float> output, int inputSize, double minScore)
    {
        var people = new List<ScoredBox>();
        var row = 0;
        foreach (var stride in Strides)
        {
            var cells = inputSize / stride;
            for (var gy = 0; gy < cells; gy++)
            {
                for (var gx = 0; gx < cells; gx++, row++)
                {
                    var r = output.Slice(row * RowLength, RowLength);
                    var score = r[4] * r[5];
                    if (score < minScore)
                    {
                        continue;
                    }

                    var w = Math.Exp(r[2]) * stride;
                    var h = Math.Exp(r[3]) * stride;
                    var cx = (r[0] + gx) * stride;
                    var cy = (r[1] + gy) * stride;
                    people.Add(new ScoredBox(new Rect2d(cx - (w / 2), cy - (h / 2), w, h), score));
                }
            }
        }

        return people;
    }

    /// <summary>
    /// Keeps the strongest of overlapping boxes, scales them back by 1 / <paramref name="ratio"/> to the frame and clips
    /// them to it.
    /// </summary>
    public static List<PixelBox> Suppress(List<ScoredBox> candidates, double ratio, int frameWidth, int frameHeight)
    {
        var people = new List<PixelBox>(candidates.Count);
        if (candidates.Count == 0)
        {
            return people;
        }

        var boxes = new Rect[candidates.Count];
        var scores = new float[candidates.Count];
        for (var i = 0; i < boxes.Length; i++)
        {
            var b = candidates[i].Box;
            boxes[i] = new Rect((int)b.X, (int)b.Y, (int)b.Width, (int)b.Height);
            scores[i] = candidates[i].Score;
        }

        CvDnn.NMSBoxes(boxes, scores, 0, NmsOverlap, out int[] kept);
        foreach (var i in kept)
        {
            var b = candidates[i].Box;
            var x = Math.Max(0, b.X / ratio);
            var y = Math.Max(0, b.Y / ratio);
            var right = Math.Min(frameWidth, (b.X + b.Width) / ratio);
            var bottom = Math.Min(frameHeight, (b.Y + b.Height) / ratio);
            if (right > x && bottom > y)
            {
                people.Add(new PixelBox(x, y, right - x, bottom - y));
            }
        }

        return people;
    }
}

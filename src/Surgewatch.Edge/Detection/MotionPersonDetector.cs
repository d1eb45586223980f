using OpenCvSharp;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>
/// People as moving foreground blobs: each blob at least a person tall counts as one person, or as several when it is
/// wider than one walking person (a group side by side). Fast (a few ms per 480×360 frame) and scale-free; people who
/// stand still for longer than the background history fade out of the count.
/// </summary>
public sealed class MotionPersonDetector(DetectorOptions options) : IPersonDetector
{
    private readonly BackgroundModel _background = new(options);

    /// <inheritdoc/>
    public void Learn(Mat frame) => _background.Learn(frame);

    /// <inheritdoc/>
    public IReadOnlyList<PixelBox> Detect(Mat frame)
    {
        var mask = _background.Apply(frame);
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var people = new List<PixelBox>();
        foreach (var contour in contours)
        {
            var r = Cv2.BoundingRect(contour);
            var expected = options.Perspective?.ExpectedHeight(r.Bottom) ?? r.Height;
            if (r.Height < options.MinPersonHeight || r.Height < expected * 0.4)
            {
                continue;
            }

            Split(new PixelBox(r.X, r.Y, r.Width, r.Height), expected, people);
        }

        return people;
    }

    /// <inheritdoc/>
    public void Dispose() => _background.Dispose();

    private void Split(PixelBox blob, double personHeight, List<PixelBox> people)
    {
        var n = Math.Max(1, (int)Math.Round(blob.Width / (options.PersonWidthRatio * personHeight)));
        var width = blob.Width / n;
        for (var i = 0; i < n; i++)
        {
            people.Add(blob with { X = blob.X + (i * width), Width = width });
        }
    }
}

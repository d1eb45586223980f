using OpenCvSharp;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>
/// OpenCV's built-in HOG people detector on an enlarged frame (people in CCTV are smaller than its 64×128 window),
/// keeping only boxes that are partly moving foreground, which rejects static false positives (posts, bins, signs).
/// </summary>
public sealed class HogPersonDetector : IPersonDetector
{
    private readonly DetectorOptions _options;
    private readonly HOGDescriptor _hog = new();
    private readonly BackgroundModel _background;
    private readonly Mat _enlarged = new();

    /// <summary>A detector with <paramref name="options"/>.</summary>
    public HogPersonDetector(DetectorOptions options)
    {
        _options = options;
        _background = new BackgroundModel(options);
        _hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
    }

    /// <inheritdoc/>
    public void Learn(Mat frame) => _background.Learn(frame);

    /// <inheritdoc/>
    public IReadOnlyList<PixelBox> Detect(Mat frame)
    {
        var mask = _background.Apply(frame);
        var scale = _options.HogUpscale;
        Cv2.Resize(frame, _enlarged, new Size(), scale, scale, InterpolationFlags.Linear);
        var found = _hog.DetectMultiScale(_enlarged, 0, new Size(8, 8), new Size(0, 0), 1.05, 2);
        var people = new List<PixelBox>(found.Length);
        foreach (var f in found)
        {
            var r = new Rect((int)(f.X / scale), (int)(f.Y / scale), (int)(f.Width / scale), (int)(f.Height / scale))
                .Intersect(new Rect(0, 0, frame.Width, frame.Height));
            if (r.Width <= 0 || r.Height <= 0)
            {
                continue;
            }

            using var window = new Mat(mask, r);
            if (Cv2.CountNonZero(window) >= _options.HogMinForeground * r.Width * r.Height)
            {
                // HOG boxes carry a margin around the body: the foot sits about 1/10 above the box's bottom.
                people.Add(new PixelBox(r.X, r.Y, r.Width, r.Height * 0.9));
            }
        }

        return people;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _hog.Dispose();
        _background.Dispose();
        _enlarged.Dispose();
    }
}

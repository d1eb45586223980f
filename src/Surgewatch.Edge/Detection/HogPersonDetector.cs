using OpenCvSharp;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>
/// OpenCV's built-in HOG people detector on an enlarged frame (people in CCTV are smaller than its 64×128 window),
/// keeping only boxes that are partly moving foreground, which rejects static false positives (posts, bins, signs).
/// With a perspective calibration it also rejects boxes whose person is far from the height expected where they
/// stand (<see cref="DetectorOptions.HogMinHeightRatio"/>, <see cref="DetectorOptions.HogMaxHeightRatio"/>): texture found at the wrong scale, or one box around a group.
/// </summary>
public sealed class HogPersonDetector : IPersonDetector
{
    /// <summary>
    /// The share of a HOG box's height that is the person: the 64×128 window frames a person about 100 pixels tall,
    /// with a margin above the head and below the feet.
    /// </summary>
    private const double BodyShare = 0.8;

    private readonly DetectorOptions _options;
    private readonly HOGDescriptor _hog = new();
    private readonly Func<Mat, Rect[]> _find;
    private readonly BackgroundModel _background;
    private readonly Mat _enlarged = new();

    /// <summary>A detector with <paramref name="options"/>.</summary>
    public HogPersonDetector(DetectorOptions options)
        : this(options, null)
    {
    }

    /// <summary>
    /// A detector whose raw boxes on the enlarged frame come from <paramref name="find"/> instead of HOG, for tests that
    /// check what is done with HOG's boxes (HOG itself finds nothing in drawn figures).
    /// </summary>
    internal HogPersonDetector(DetectorOptions options, Func<Mat, Rect[]>? find)
    {
        _options = options;
        _background = new BackgroundModel(options);
        _hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
        _find = find ?? (enlarged => _hog.DetectMultiScale(enlarged, 0, new Size(8, 8), new Size(0, 0), 1.05, 2));
    }

    /// <inheritdoc/>
    public void Learn(Mat frame) => _background.Learn(frame);

    /// <inheritdoc/>
    public IReadOnlyList<PixelBox> Detect(Mat frame)
    {
        _background.Apply(frame);
        var scale = _options.HogUpscale;
        Cv2.Resize(frame, _enlarged, new Size(), scale, scale, InterpolationFlags.Linear);
        var found = _find(_enlarged);
        var people = new List<PixelBox>(found.Length);
        foreach (var f in found)
        {
            var r = new Rect((int)(f.X / scale), (int)(f.Y / scale), (int)(f.Width / scale), (int)(f.Height / scale))
                .Intersect(new Rect(0, 0, frame.Width, frame.Height));
            if (r.Width <= 0 || r.Height <= 0 || !AsTallAsExpected(r))
            {
                continue;
            }

            if (_background.ForegroundShare(r) >= _options.HogMinForeground)
            {
                // HOG boxes carry a margin around the body: the foot sits about 1/10 above the box's bottom.
                people.Add(new PixelBox(r.X, r.Y, r.Width, r.Height * 0.9));
            }
        }

        return people;
    }

    /// <summary>True without a calibration, else when the box's person is within the height range expected at its feet.</summary>
    private bool AsTallAsExpected(Rect box)
    {
        if (_options.Perspective is not { } perspective)
        {
            return true;
        }

        var body = box.Height * BodyShare;
        var ratio = body / perspective.ExpectedHeight(box.Y + (box.Height * 0.9));
        return ratio >= _options.HogMinHeightRatio && ratio <= _options.HogMaxHeightRatio;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _hog.Dispose();
        _background.Dispose();
        _enlarged.Dispose();
    }
}

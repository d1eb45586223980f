using OpenCvSharp;

namespace Surgewatch.Edge.Detection;

/// <summary>
/// The moving foreground of each frame: MOG2 background subtraction, shadows removed, cleaned by morphology. The
/// model is per-pixel statistics held in memory only, and the mask is overwritten every frame.
/// </summary>
internal sealed class BackgroundModel : IDisposable
{
    private readonly BackgroundSubtractorMOG2 _subtractor;
    private readonly Mat _raw = new();
    private readonly Mat _open = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(3, 3));
    private readonly Mat _close = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(5, 11));

    public BackgroundModel(DetectorOptions options) =>
        _subtractor = BackgroundSubtractorMOG2.Create(options.BackgroundHistory, options.BackgroundThreshold, detectShadows: true);

    /// <summary>The last frame's foreground: 255 where something moves, 0 elsewhere.</summary>
    public Mat Mask { get; } = new();

    public void Learn(Mat frame) => _subtractor.Apply(frame, _raw);

    /// <summary>The share of <paramref name="box"/> (inside the frame) that was moving foreground in the last frame.</summary>
    public double ForegroundShare(Rect box)
    {
        using var window = new Mat(Mask, box);
        return (double)Cv2.CountNonZero(window) / (box.Width * box.Height);
    }

    public Mat Apply(Mat frame)
    {
        _subtractor.Apply(frame, _raw);

        // MOG2 marks shadows 127; only sure foreground (255) is a person.
        Cv2.Threshold(_raw, Mask, 200, 255, ThresholdTypes.Binary);
        Cv2.MorphologyEx(Mask, Mask, MorphTypes.Open, _open);
        Cv2.MorphologyEx(Mask, Mask, MorphTypes.Close, _close);
        return Mask;
    }

    public void Dispose()
    {
        _subtractor.Dispose();
        _raw.Dispose();
        _open.Dispose();
        _close.Dispose();
        Mask.Dispose();
    }
}

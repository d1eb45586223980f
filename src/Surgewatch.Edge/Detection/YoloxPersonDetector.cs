using OpenCvSharp;
using OpenCvSharp.Dnn;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Detection;

/// <summary>
/// YOLOX-Nano (COCO, 80 classes; only "person" is read), shipped as <c>Models/yolox_nano.onnx</c> (Apache-2.0, see
/// NOTICE) and run on OpenCV's DNN module on the CPU. The frame is scaled to fit 416×416 (padded grey below and to the
/// right), the network's raw grid outputs are decoded (<see cref="YoloxDecoding"/>), and overlapping boxes are merged by
/// non-maximum suppression. Boxes with too little moving foreground in them are dropped
/// (<see cref="DetectorOptions.YoloxMinForeground"/>), which rejects static things it takes for people.
/// </summary>
public sealed class YoloxPersonDetector : IPersonDetector
{
    /// <summary>The file the model is loaded from, next to the assembly.</summary>
    public static readonly string ModelPath = Path.Combine(AppContext.BaseDirectory, "Models", "yolox_nano.onnx");

    private const int InputSize = 416;
    private readonly DetectorOptions _options;
    private readonly Net _net;
    private readonly BackgroundModel _background;
    private readonly Mat _input = new(InputSize, InputSize, MatType.CV_8UC3);
    private readonly Mat _resized = new();

    /// <summary>A detector with <paramref name="options"/>.</summary>
    /// <exception cref="FileNotFoundException">The model file is missing from the installation.</exception>
    public YoloxPersonDetector(DetectorOptions options)
    {
        if (!File.Exists(ModelPath))
        {
            throw new FileNotFoundException($"--detector yolox: the model {ModelPath} is missing; reinstall, or use --detector motion.", ModelPath);
        }

        _options = options;
        _background = new BackgroundModel(options);
        _net = CvDnn.ReadNetFromOnnx(ModelPath) ?? throw new InvalidOperationException($"OpenCV could not load {ModelPath}.");
        _net.SetPreferableBackend(Backend.OPENCV);
        _net.SetPreferableTarget(Target.CPU);
    }

    /// <inheritdoc/>
    public void Learn(Mat frame) => _background.Learn(frame);

    /// <inheritdoc/>
    public IReadOnlyList<PixelBox> Detect(Mat frame)
    {
        _background.Apply(frame);
        var ratio = Math.Min((double)InputSize / frame.Width, (double)InputSize / frame.Height);
        var width = (int)(frame.Width * ratio);
        var height = (int)(frame.Height * ratio);
        Cv2.Resize(frame, _resized, new Size(width, height), 0, 0, InterpolationFlags.Linear);
        _input.SetTo(new Scalar(114, 114, 114));
        using (var roi = new Mat(_input, new Rect(0, 0, width, height)))
        {
            _resized.CopyTo(roi);
        }

        // The network takes BGR values 0–255 as they are (no mean or scale), channels first.
        using var blob = CvDnn.BlobFromImage(_input, 1.0, new Size(InputSize, InputSize), new Scalar(), swapRB: false, crop: false);
        _net.SetInput(blob);
        using var output = _net.Forward();
        using var rows = output.Reshape(1, output.Size(1));
        rows.GetArray(out float[] values);
        var candidates = YoloxDecoding.People(values, InputSize, _options.YoloxMinScore);
        var people = YoloxDecoding.Suppress(candidates, ratio, frame.Width, frame.Height);
        if (_options.YoloxMinForeground > 0)
        {
            people.RemoveAll(p => _background.ForegroundShare(Inside(p, frame)) < _options.YoloxMinForeground);
        }

        return people;
    }

    private static Rect Inside(PixelBox box, Mat frame) =>
        new Rect((int)box.X, (int)box.Y, Math.Max(1, (int)box.Width), Math.Max(1, (int)box.Height)).Intersect(new Rect(0, 0, frame.Width, frame.Height));

    /// <inheritdoc/>
    public void Dispose()
    {
        _net.Dispose();
        _background.Dispose();
        _input.Dispose();
        _resized.Dispose();
    }
}

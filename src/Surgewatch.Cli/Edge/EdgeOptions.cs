using System.CommandLine;
using Surgewatch.Edge.Counting;
using Surgewatch.Edge.Detection;
using Surgewatch.Edge.Sources;

namespace Surgewatch.Cli.Edge;

/// <summary>The options <c>edge count</c>, <c>evaluate</c> and <c>calibrate</c> share, and how they become counter settings.</summary>
internal sealed class EdgeOptions
{
    public Option<string> Source { get; } = new("--source") { Description = "A video file, rtsp:// or http:// stream, or /dev/videoN device.", Required = true };

    public Option<string?> Region { get; } = new("--region") { Description = "The polygon counted, \"x1,y1 x2,y2 x3,y3 …\" in pixels; default the whole frame." };

    public Option<string?> Line { get; } = new("--line") { Description = "The line whose crossings are counted, \"x1,y1 x2,y2\"; crossing from its left to its right (looking from the first point) is 'in'." };

    public Option<string?> Perspective { get; } = new("--perspective") { Description = "Person height in pixels at two image rows, \"y1:h1,y2:h2\" (read them off `edge calibrate`); sets the expected size across the frame." };

    public Option<DetectorKind> Detector { get; } = new("--detector") { Description = "motion (foreground blobs), yolox (the shipped YOLOX-Nano network's person class, filtered by motion; more accurate, 20-30x slower) or hog (OpenCV's HOG people detector, for comparison).", DefaultValueFactory = _ => DetectorKind.Motion };

    public Option<int> Stride { get; } = new("--stride") { Description = "Count every Nth frame, to stay real-time on a slow machine.", DefaultValueFactory = _ => 1 };

    public IEnumerable<Option> Counting => [Source, Region, Line, Perspective, Detector, Stride];

    /// <summary>Counter settings from the parsed options, checked against the opened source's frame size.</summary>
    public EdgeCounterOptions Read(ParseResult result, VideoSource source)
    {
        var stride = result.GetValue(Stride);
        if (stride < 1)
        {
            throw new Common.UserInputException($"--stride {stride}: give a whole number of frames, 1 or more.");
        }

        var detector = result.GetValue(Detector);
        if (detector == DetectorKind.Yolox && !File.Exists(YoloxPersonDetector.ModelPath))
        {
            throw new Common.UserInputException($"--detector yolox: the model {YoloxPersonDetector.ModelPath} is missing from this installation; reinstall, or use --detector motion.");
        }

        return new EdgeCounterOptions
        {
            Region = EdgeParsing.Region(result.GetValue(Region), source.Width, source.Height),
            Line = EdgeParsing.Line(result.GetValue(Line), source.Width, source.Height),
            Detector = detector,
            Detection = new DetectorOptions { Perspective = EdgeParsing.Perspective(result.GetValue(Perspective)) },
            Stride = stride,
        };
    }
}

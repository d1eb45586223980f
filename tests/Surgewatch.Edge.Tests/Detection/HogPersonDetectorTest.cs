using OpenCvSharp;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Detection;

namespace Surgewatch.Edge.Tests.Detection;

public sealed class HogPersonDetectorTest
{
    // Calibration: a person with their feet at row 200 is 60 pixels tall (30 at row 100).
    private static readonly PerspectiveModel Perspective = new(100, 30, 200, 60);

    // HOG's raw boxes on the frame enlarged 1.5×, all with their feet (0.9 of the box down) at row 200 of the frame:
    // one around a person of the expected height (body 0.8 × 75 = 60), one at a scale far too small (body 22) and one
    // far too large (body 128, a box around a group or at twice the right scale).
    private static readonly Rect[] RawBoxes =
    [
        new(55, 198, 45, 112),
        new(298, 262, 21, 42),
        new(45, 84, 60, 240),
    ];

    [Fact]
    public void Detect_WithoutPerspective_KeepsEveryMovingBox()
    {
        using var detector = Detector(new DetectorOptions());
        using var frame = MovingFigures();

        detector.Detect(frame).Should().HaveCount(3, "without a calibration any box on moving foreground is a person");
    }

    [Fact]
    public void Detect_WithPerspective_KeepsOnlyTheBoxOfTheExpectedHeightAtItsFeet()
    {
        using var detector = Detector(new DetectorOptions { Perspective = Perspective });
        using var frame = MovingFigures();

        var people = detector.Detect(frame);

        people.Should().ContainSingle("boxes far smaller or larger than a person standing at that row are not people")
            .Which.Foot.Y.Should().BeApproximately(200, 2);
    }

    [Fact]
    public void Detect_WithPerspectiveFromADifferentCamera_RejectsEveryBox()
    {
        // The same boxes under a calibration that expects people five times as tall at row 200.
        using var detector = Detector(new DetectorOptions { Perspective = new PerspectiveModel(100, 150, 200, 300) });
        using var frame = MovingFigures();

        detector.Detect(frame).Should().BeEmpty();
    }

    private static HogPersonDetector Detector(DetectorOptions options)
    {
        var detector = new HogPersonDetector(options, _ => RawBoxes);
        using var background = Scene();
        for (var i = 0; i < 30; i++)
        {
            detector.Learn(background);
        }

        return detector;
    }

    private static Mat Scene() => new(240, 320, MatType.CV_8UC3, new Scalar(90, 100, 95));

    /// <summary>Two light figures on the learned background: 24×60 at x 40 and 12×22 at x 200, feet on row 200.</summary>
    private static Mat MovingFigures()
    {
        var frame = Scene();
        frame.Rectangle(new Rect(40, 140, 24, 60), new Scalar(230, 230, 230), -1);
        frame.Rectangle(new Rect(200, 178, 12, 22), new Scalar(230, 230, 230), -1);
        return frame;
    }
}

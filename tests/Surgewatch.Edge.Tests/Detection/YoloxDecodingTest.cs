using OpenCvSharp;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Detection;

namespace Surgewatch.Edge.Tests.Detection;

public sealed class YoloxDecodingTest
{
    private const int Input = 416;

    // Rows: 52×52 cells of stride 8, then 26×26 of stride 16, then 13×13 of stride 32.
    private static readonly int Rows = (52 * 52) + (26 * 26) + (13 * 13);

    [Fact]
    public void People_OnePersonCell_DecodesItsBoxFromTheCellAndStride()
    {
        var output = new float[Rows * YoloxDecoding.RowLength];
        // Stride 16, cell (5, 10): centre half a cell in, 2 cells wide, 4 tall; objectness 0.9, person 0.8.
        Set(output, (52 * 52) + (10 * 26) + 5, 0.5f, 0.5f, MathF.Log(2), MathF.Log(4), 0.9f, person: 0.8f);
        // A confident object that is not a person (class 2, a car) is not counted.
        Set(output, 100, 0.5f, 0.5f, 0, 0, 0.95f, person: 0.05f);

        var people = YoloxDecoding.People(output, Input, minScore: 0.3);

        people.Should().ContainSingle();
        var (box, score) = (people[0].Box, people[0].Score);
        new[] { box.X, box.Y, box.Width, box.Height }.Should().Equal([72.0, 136.0, 32.0, 64.0], (a, e) => Math.Abs(a - e) < 1e-4);
        score.Should().BeApproximately(0.72f, 1e-5f);
    }

    [Fact]
    public void Suppress_OverlappingBoxes_KeepsTheStrongerScaledBackToTheFrame()
    {
        List<ScoredBox> candidates =
        [
            new(new Rect2d(72, 136, 32, 64), 0.72f),
            new(new Rect2d(74, 138, 32, 64), 0.5f),
            new(new Rect2d(300, 100, 20, 40), 0.4f),
        ];

        // A 480×360 frame enlarged by 416 / 480 to fit the input.
        var people = YoloxDecoding.Suppress(candidates, 416.0 / 480, 480, 360);

        people.Should().HaveCount(2, "the second box is the first one again");
        people.Should().ContainEquivalentOf(new PixelBox(72 * 480 / 416.0, 136 * 480 / 416.0, 32 * 480 / 416.0, 64 * 480 / 416.0),
            o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
    }

    [Fact]
    public void Detect_ShippedModelOnAnEmptyScene_LoadsAndFindsNoOne()
    {
        using var detector = new YoloxPersonDetector(new DetectorOptions());
        using var frame = new Mat(360, 480, MatType.CV_8UC3, new Scalar(120, 130, 125));

        detector.Detect(frame).Should().BeEmpty();
    }

    private static void Set(float[] output, int row, float cx, float cy, float logW, float logH, float objectness, float person)
    {
        var r = output.AsSpan(row * YoloxDecoding.RowLength, YoloxDecoding.RowLength);
        (r[0], r[1], r[2], r[3], r[4], r[5]) = (cx, cy, logW, logH, objectness, person);
        r[7] = 1 - person;
    }
}

using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class CountingLineTest
{
    // A horizontal line from left to right: its right side (y down) is below it.
    private static readonly CountingLine Line = new(new PixelPoint(100, 100), new PixelPoint(300, 100));

    [Fact]
    public void Crossing_FromLeftSideToRightSide_IsIn() =>
        Line.Crossing(new PixelPoint(200, 90), new PixelPoint(200, 110)).Should().Be(CrossingDirection.In);

    [Fact]
    public void Crossing_FromRightSideToLeftSide_IsOut() =>
        Line.Crossing(new PixelPoint(200, 110), new PixelPoint(200, 90)).Should().Be(CrossingDirection.Out);

    [Fact]
    public void Crossing_BesideTheSegment_IsNone() =>
        Line.Crossing(new PixelPoint(350, 90), new PixelPoint(350, 110)).Should().Be(CrossingDirection.None);

    [Fact]
    public void Crossing_StayingOnOneSide_IsNone() =>
        Line.Crossing(new PixelPoint(150, 90), new PixelPoint(250, 95)).Should().Be(CrossingDirection.None);

    [Fact]
    public void Crossing_Reversed_IsTheOppositeDirection()
    {
        Prop.ForAll(Arb.From(Gen.Choose(101, 299)), Arb.From(Gen.Choose(1, 50)), Arb.From(Gen.Choose(1, 50)), (x, above, below) =>
        {
            var a = new PixelPoint(x, 100 - above);
            var b = new PixelPoint(x, 100 + below);
            return Line.Crossing(a, b) == CrossingDirection.In && Line.Crossing(b, a) == CrossingDirection.Out;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(200, 120, 1)]
    [InlineData(200, 80, -1)]
    [InlineData(200, 103, 0)]
    [InlineData(350, 120, 0)]
    public void SideOf_WithAMargin_IsZeroNearTheLineAndBeyondItsEnds(double x, double y, int side) =>
        Line.SideOf(new PixelPoint(x, y), margin: 5).Should().Be(side);

    [Fact]
    public void Parse_TwoPointsInsideTheFrame_ReadsThem() =>
        CountingLine.Parse("10,20 30.5,40", 480, 360).Should().Be(new CountingLine(new PixelPoint(10, 20), new PixelPoint(30.5, 40)));

    [Theory]
    [InlineData("10,20")]
    [InlineData("10,20 30,40 50,60")]
    [InlineData("10,20 10,20")]
    [InlineData("10;20 30,40")]
    [InlineData("10,20 500,40")]
    public void Parse_MalformedOrOutsideTheFrame_Throws(string text)
    {
        var parse = () => CountingLine.Parse(text, 480, 360);
        parse.Should().Throw<EdgeGeometryException>().WithMessage("--line*");
    }
}

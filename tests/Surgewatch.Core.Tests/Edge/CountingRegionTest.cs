using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class CountingRegionTest
{
    [Theory]
    [InlineData(50, 50, true)]
    [InlineData(150, 50, false)]
    [InlineData(10, 90, true)]
    [InlineData(90, 90, false)]
    public void Contains_Triangle_InsideOnlyWithin(double x, double y, bool inside) =>
        CountingRegion.Parse("0,0 100,0 0,100", 480, 360).Contains(new PixelPoint(x, y)).Should().Be(inside);

    [Fact]
    public void Contains_WholeFrame_IncludesAFootOnTheBottomEdge() =>
        CountingRegion.WholeFrame(480, 360).Contains(new PixelPoint(200, 360)).Should().BeTrue();

    [Theory]
    [InlineData("0,0 100,0")]
    [InlineData("0,0 100,0 x,1")]
    [InlineData("0,0 100,0 100,400")]
    [InlineData("-1,0 100,0 100,100")]
    public void Parse_TooFewMalformedOrOutside_Throws(string text)
    {
        var parse = () => CountingRegion.Parse(text, 480, 360);
        parse.Should().Throw<EdgeGeometryException>().WithMessage("--region*");
    }
}

using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class PixelBoxTest
{
    [Fact]
    public void ShareInside_HalfOverlapping_IsHalf() =>
        new PixelBox(0, 0, 10, 20).ShareInside(new PixelBox(5, 0, 40, 40)).Should().BeApproximately(0.5, 1e-12);

    [Fact]
    public void ShareInside_InsideALargerBox_IsOneButNotTheOtherWayRound()
    {
        var small = new PixelBox(10, 10, 10, 10);
        var large = new PixelBox(0, 0, 40, 40);

        small.ShareInside(large).Should().Be(1);
        large.ShareInside(small).Should().BeApproximately(100.0 / 1600, 1e-12);
    }

    [Fact]
    public void ShareInside_Apart_IsZero() =>
        new PixelBox(0, 0, 10, 10).ShareInside(new PixelBox(10, 0, 10, 10)).Should().Be(0);

    [Fact]
    public void IntersectionOverUnion_HalfOverlappingEqualBoxes_IsOneThird() =>
        new PixelBox(0, 0, 10, 10).IntersectionOverUnion(new PixelBox(5, 0, 10, 10)).Should().BeApproximately(1.0 / 3, 1e-12);
}

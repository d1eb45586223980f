using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class PerspectiveModelTest
{
    [Theory]
    [InlineData(100, 40)]
    [InlineData(300, 100)]
    [InlineData(200, 70)]
    public void ExpectedHeight_BetweenAndAtTheRows_IsLinear(double row, double height) =>
        PerspectiveModel.Parse("100:40,300:100").ExpectedHeight(row).Should().BeApproximately(height, 1e-9);

    [Theory]
    [InlineData("100:40")]
    [InlineData("100:40,100:60")]
    [InlineData("100:-4,300:100")]
    [InlineData("a:b,c:d")]
    public void Parse_Malformed_Throws(string text)
    {
        var parse = () => PerspectiveModel.Parse(text);
        parse.Should().Throw<EdgeGeometryException>().WithMessage("--perspective*");
    }
}

using Surgewatch.Core.Evaluation;

namespace Surgewatch.Core.Tests.Evaluation;

public class BacktestProtocolNamesTest
{
    [Theory]
    [InlineData(BacktestProtocol.Rolling, "rolling")]
    [InlineData(BacktestProtocol.DayAhead, "day-ahead")]
    public void Name_EachProtocol_RoundTripsThroughTryParse(BacktestProtocol protocol, string name)
    {
        BacktestProtocolNames.Name(protocol).Should().Be(name);
        BacktestProtocolNames.TryParse(name.ToUpperInvariant(), out var parsed).Should().BeTrue();
        parsed.Should().Be(protocol);
    }

    [Theory]
    [InlineData("daily")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name) =>
        BacktestProtocolNames.TryParse(name, out _).Should().BeFalse();

    [Fact]
    public void All_Always_ListsBothNames() => BacktestProtocolNames.All.Should().Equal("rolling", "day-ahead");
}

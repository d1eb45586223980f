using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Roads;

public sealed class CongestionLadderTest
{
    [Theory]
    [InlineData(65, CongestionLevel.Free)]
    [InlineData(48, CongestionLevel.Free)]
    [InlineData(47.9, CongestionLevel.Slowing)]
    [InlineData(36, CongestionLevel.Slowing)]
    [InlineData(35.9, CongestionLevel.Congested)]
    [InlineData(24, CongestionLevel.Congested)]
    [InlineData(23.9, CongestionLevel.Jammed)]
    [InlineData(1, CongestionLevel.Jammed)]
    [InlineData(0, CongestionLevel.NoData)]
    [InlineData(-3, CongestionLevel.NoData)]
    [InlineData(double.NaN, CongestionLevel.NoData)]
    public void Of_SpeedOnAFreeFlowOf60_GivesTheLevelOfItsRatio(double speed, CongestionLevel expected) =>
        CongestionLadder.Default.Of(speed, 60).Should().Be(expected);

    [Fact]
    public void Of_UnknownFreeFlow_IsNoData() =>
        CongestionLadder.Default.Of(30, double.NaN).Should().Be(CongestionLevel.NoData);

    [Theory]
    [InlineData(0.8, 0.8, 0.4)]
    [InlineData(0.6, 0.8, 0.4)]
    [InlineData(1.2, 0.6, 0.4)]
    [InlineData(0.8, 0.6, 0)]
    public void Constructor_RatiosOutOfOrder_Throws(double slowing, double congested, double jammed)
    {
        var make = () => new CongestionLadder(slowing, congested, jammed);

        make.Should().Throw<ArgumentException>().WithMessage("*slowing > congested > jammed*");
    }

    [Fact]
    public void Name_EveryLevel_IsTheApiSpelling() =>
        Enum.GetValues<CongestionLevel>().Select(CongestionLadder.Name).Should().BeEquivalentTo(["no-data", "free", "slowing", "congested", "jammed"]);

    [Fact]
    public void Estimate_SpeedsWithOutages_Is85thPercentileOfTheKnownSpeeds()
    {
        // 0..99 mph once each, plus as many zeros and gaps: the outages must not drag free flow down.
        var speeds = Enumerable.Range(1, 100).Select(v => (double)v).Concat(Enumerable.Repeat(0.0, 60)).Concat(Enumerable.Repeat(Missing.Value, 40)).ToArray();

        FreeFlow.Estimate(speeds, minReadings: 50).Should().BeApproximately(85.15, 1e-9);
    }

    [Fact]
    public void Estimate_TooFewKnownSpeeds_IsNaN() =>
        double.IsNaN(FreeFlow.Estimate(Enumerable.Repeat(60.0, 287).Concat(Enumerable.Repeat(0.0, 500)).ToArray())).Should().BeTrue();
}

using Surgewatch.Core.Forecasting;

namespace Surgewatch.Core.Tests.Forecasting;

public class LocalTrendTest
{
    [Fact]
    public void Fit_ExactLine_RecoversSlopeAndProjectsWithoutWidth()
    {
        var line = Enumerable.Range(0, 30).Select(i => 2 + 0.1 * i).ToArray();

        var trend = LocalTrend.Fit(line)!.Value;
        var ahead = trend.Project(10);

        trend.Slope.Should().BeApproximately(0.1, 1e-12);
        ahead.Lower.Should().BeApproximately(2 + 0.1 * 39, 1e-9);
        ahead.Upper.Should().BeApproximately(2 + 0.1 * 39, 1e-9);
        ahead.Level.Should().Be(0.9);
    }

    [Fact]
    public void Fit_TooFewPresentSamples_ReturnsNull()
    {
        var samples = Enumerable.Range(0, 30).Select(i => i % 4 == 0 ? 1.0 : double.NaN).ToArray();

        LocalTrend.Fit(samples).Should().BeNull("only 8 of 30 samples are present");
    }

    [Fact]
    public void Fit_MissingSamples_AreSkippedNotZero()
    {
        var line = Enumerable.Range(0, 30).Select(i => i % 4 == 1 ? double.NaN : 3 - 0.05 * i).ToArray();

        LocalTrend.Fit(line)!.Value.Project(5).Upper.Should().BeApproximately(3 - 0.05 * 34, 1e-9);
    }

    [Fact]
    public void Project_NoisySeries_WidensWithTheHorizon()
    {
        var noisy = Enumerable.Range(0, 40).Select(i => 2 + 0.02 * i + (i % 2 == 0 ? 0.1 : -0.1)).ToArray();
        var trend = LocalTrend.Fit(noisy)!.Value;

        var near = trend.Project(1);
        var far = trend.Project(60);

        (far.Upper - far.Lower).Should().BeGreaterThan(near.Upper - near.Lower);
        near.Upper.Should().BeGreaterThan(near.Lower);
        trend.MaxUpper(60).Should().Be(far.Upper);
    }

    [Theory]
    [InlineData(0.95, 1.6449)]
    [InlineData(0.9, 1.2816)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.05, -1.6449)]
    public void NormalQuantile_KnownProbabilities_WithinTheApproximationError(double p, double z)
    {
        NormalQuantile.Of(p).Should().BeApproximately(z, 5e-4);
    }
}

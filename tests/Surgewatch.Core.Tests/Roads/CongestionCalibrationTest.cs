using Surgewatch.Core.Roads;

namespace Surgewatch.Core.Tests.Roads;

public sealed class CongestionCalibrationTest
{
    private static readonly double[] Edges = [0.9, 1.0, 1.1, 1.2, 1.4];

    private static IEnumerable<(double, double, bool)> Moments(int count, double forecast, double profile, int congested) =>
        Enumerable.Range(0, count).Select(i => (forecast, profile, i < congested));

    [Fact]
    public void Probability_BinWithEnoughMoments_IsTheShareFollowedByCongestion()
    {
        var calibration = CongestionCalibration.Fit(Moments(40, 1.05, 0.95, congested: 10), Edges, Edges);

        calibration.Probability(1.02, 0.92).Should().Be(0.25);
    }

    [Fact]
    public void Probability_SparseBin_FallsBackToTheForecastBinAlone()
    {
        var moments = Moments(40, 1.05, 1.5, congested: 4).Concat(Moments(5, 1.05, 0.5, congested: 5));
        var calibration = CongestionCalibration.Fit(moments, Edges, Edges);

        // The (1.0–1.1, < 0.9) bin has 5 moments: the 45 of the forecast bin decide, 9 of them congested.
        calibration.Probability(1.05, 0.5).Should().Be(9 / 45.0);
        calibration.Probability(1.05, 1.6).Should().Be(0.1);
    }

    [Fact]
    public void Probability_NothingLearnt_IsWhetherTheForecastItselfIsCongested()
    {
        var calibration = CongestionCalibration.Fit([], Edges, Edges);

        calibration.Probability(0.8, 1.5).Should().Be(1);
        calibration.Probability(1.3, 0.5).Should().Be(0);
    }

    [Fact]
    public void Probability_NoProfile_HasABinOfItsOwn()
    {
        var moments = Moments(40, 1.3, double.NaN, congested: 20).Concat(Moments(40, 1.3, 1.3, congested: 0));
        var calibration = CongestionCalibration.Fit(moments, Edges, Edges);

        calibration.Probability(1.3, double.NaN).Should().Be(0.5);
        calibration.Probability(1.3, 1.3).Should().Be(0);
    }

    [Fact]
    public void Probability_NoForecast_IsMissing() =>
        double.IsNaN(CongestionCalibration.Fit(Moments(40, 1.0, 1.0, 3), Edges, Edges).Probability(double.NaN, 1.0)).Should().BeTrue();
}

using Surgewatch.Core.Evaluation;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Evaluation;

public partial class MetricAccumulatorTest
{
    private static readonly double[] Actual = [10, 20, 0, 40];
    private static readonly double[] Predicted = [12, 15, 3, 40];

    [Fact]
    public void ToMetrics_HandComputedPairs_GivesEachMetric()
    {
        var metrics = Accumulate(Actual, Predicted).ToMetrics();

        metrics.N.Should().Be(4);
        metrics.Mae.Should().Be(2.5);
        metrics.Rmse.Should().BeApproximately(Math.Sqrt(9.5), 1e-12);
        metrics.Wape.Should().BeApproximately(10.0 / 70, 1e-12);
        metrics.Mape.Should().BeApproximately((0.2 + 0.25 + 0) / 3, 1e-12, "MAPE averages over nonzero actuals only");
    }

    [Fact]
    public void Add_MaskZeroActual_DropsZeroActualPairs()
    {
        var sums = default(MetricAccumulator);
        for (var i = 0; i < Actual.Length; i++)
        {
            sums.Add(Actual[i], Predicted[i], maskZeroActual: true);
        }

        var metrics = sums.ToMetrics();
        metrics.N.Should().Be(3);
        metrics.Mae.Should().BeApproximately(7.0 / 3, 1e-12);
        metrics.Wape.Should().BeApproximately(7.0 / 70, 1e-12);
    }

    [Theory]
    [InlineData(NaN, 5)]
    [InlineData(5, NaN)]
    public void Add_MissingActualOrForecast_CountsNothing(double actual, double forecast)
    {
        var sums = default(MetricAccumulator);

        sums.Add(actual, forecast).Should().BeFalse();

        sums.Should().Be(default(MetricAccumulator));
    }

    [Fact]
    public void Add_ZeroActualWithoutMask_CountsAsARealValue()
    {
        var sums = default(MetricAccumulator);

        sums.Add(0, 4).Should().BeTrue();

        sums.ToMetrics().Should().Be(new ErrorMetrics(4, 4, null, null, 1));
    }

    [Fact]
    public void ToMetrics_NoPairs_AllMetricsNull() =>
        default(MetricAccumulator).ToMetrics().Should().Be(new ErrorMetrics(null, null, null, null, 0));

    internal static MetricAccumulator Accumulate(double[] actual, double[] forecast, int from = 0, int to = -1)
    {
        var sums = default(MetricAccumulator);
        for (var i = from; i < (to < 0 ? actual.Length : to); i++)
        {
            sums.Add(actual[i], forecast[i]);
        }

        return sums;
    }
}

using FsCheck;
using FsCheck.Xunit;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Tests.Forecasting;

namespace Surgewatch.Core.Tests.Evaluation.Warnings;

public class SurgeThresholdsTest
{
    [Fact]
    public void Compute_EnoughDays_IsThePercentileOfTheTrainingSlotsOnly()
    {
        var values = Enumerable.Range(0, 24 * 100).Select(i => (double)(i % 24)).ToArray();
        values[^1] = 1e6; // in the test period: ignored
        var panel = ForecastTestPanels.Hourly(values);

        var threshold = SurgeThresholds.Compute(panel, 24 * 99, 0.5, minimumDays: 90)[0];

        threshold.Should().BeApproximately(11.5, 1e-9);
    }

    [Fact]
    public void Compute_FewerDaysThanRequired_IsMissing()
    {
        var panel = ForecastTestPanels.Hourly(Enumerable.Repeat(1.0, 24 * 89).Concat(Enumerable.Repeat(double.NaN, 24 * 10)).ToArray());

        double.IsNaN(SurgeThresholds.Compute(panel, 24 * 99)[0]).Should().BeTrue();
    }

    [Property(MaxTest = 200)]
    public bool Percentile_AnyValues_LiesBetweenMinAndMax(NormalFloat[] values, PositiveInt p)
    {
        if (values.Length == 0)
        {
            return true;
        }

        var data = values.Select(v => v.Get).ToArray();
        var q = SurgeThresholds.Percentile(data.ToArray(), (p.Get % 99 + 1) / 100.0);
        return q >= data.Min() && q <= data.Max();
    }
}

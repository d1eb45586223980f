using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Alerting;

public class AlertInputsTest
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private static readonly AlertRule Observed = AlertRule.OnObserved("o", Severity.Alarm, 4, 3.5);
    private static readonly AlertRule Forecast = AlertRule.OnForecast("f", Severity.Alarm, 4, 3.5, TimeSpan.FromMinutes(60));

    [Fact]
    public void From_ObservedRule_TakesTheLatestValue()
    {
        AlertInputs.From(Observed, [1.0, 2.0, 3.0], OneMinute).Should().Be(AlertSample.Of(3.0));
    }

    [Theory]
    [InlineData(AlertSource.Observed)]
    [InlineData(AlertSource.ForecastUpper)]
    public void From_LatestSampleMissing_IsNoData(AlertSource source)
    {
        var rule = source == AlertSource.Observed ? Observed : Forecast;
        double[] recent = [.. Enumerable.Range(0, 40).Select(i => 2.0 + 0.05 * i), double.NaN];

        AlertInputs.From(rule, recent, OneMinute).Should().Be(AlertSample.NoData);
        AlertInputs.From(rule, [], OneMinute).Should().Be(AlertSample.NoData);
    }

    [Fact]
    public void From_ForecastRuleOnRamp_ProjectsToTheHorizon()
    {
        var ramp = Enumerable.Range(0, 60).Select(i => 2.0 + 0.02 * i).ToArray();

        AlertInputs.From(Forecast, ramp, OneMinute).Value.Should().BeApproximately(2.0 + 0.02 * 119, 1e-9);
    }

    [Fact]
    public void From_ForecastRuleOnFallingSeries_NeverBelowTheLatestValue()
    {
        var falling = Enumerable.Range(0, 60).Select(i => 5.0 - 0.02 * i).ToArray();

        AlertInputs.From(Forecast, falling, OneMinute).Value.Should().BeApproximately(falling[^1], 1e-9);
    }

    [Fact]
    public void From_ForecastRuleWithTooLittleHistory_TakesTheLatestValue()
    {
        AlertInputs.From(Forecast, [2.0, 2.5, 3.0], OneMinute).Should().Be(AlertSample.Of(3.0));
    }

    [Fact]
    public void From_StepNotPositive_Throws()
    {
        var act = () => AlertInputs.From(Observed, [1.0], TimeSpan.Zero);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*step must be positive*");
    }
}

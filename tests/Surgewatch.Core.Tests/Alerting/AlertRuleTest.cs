using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Alerting;

public class AlertRuleTest
{
    [Fact]
    public void Validated_ResolveLevelAboveThreshold_Throws()
    {
        var rule = AlertRule.OnObserved("r", Severity.Alarm, threshold: 4, resolveBelow: 4.5);

        rule.Invoking(r => r.Validated()).Should().Throw<ArgumentException>().WithMessage("*'r': ResolveBelow must be at most Threshold (4), but is 4.5*");
    }

    [Fact]
    public void Validated_ForecastRuleWithoutHorizon_Throws()
    {
        var rule = AlertRule.OnForecast("r", Severity.Alarm, 4, 3.5, TimeSpan.Zero);

        rule.Invoking(r => r.Validated()).Should().Throw<ArgumentException>().WithMessage("*Horizon must be positive*");
    }

    [Fact]
    public void Validated_NoDataAfterZero_Throws()
    {
        var rule = AlertRule.OnObserved("r", Severity.Alarm, 4, 3.5) with { NoDataAfter = TimeSpan.Zero };

        rule.Invoking(r => r.Validated()).Should().Throw<ArgumentException>().WithMessage("*NoDataAfter must be positive*");
    }

    [Fact]
    public void OnForecast_Defaults_AreValid()
    {
        var rule = AlertRule.OnForecast("r", Severity.Alarm, 4, 3.5, TimeSpan.FromMinutes(60)).Validated();

        rule.Source.Should().Be(AlertSource.ForecastUpper);
        rule.PendingFor.Should().Be(TimeSpan.FromMinutes(5));
    }
}

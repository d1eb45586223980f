using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Tests.Alerting;

public class RuleLabelsTest
{
    [Theory]
    [InlineData("density-alarm", "Density alarm", "persons/m²")]
    [InlineData("flow-warning", "Flow warning", "persons/m/min")]
    [InlineData("density-forecast-alarm-30m", "Density alarm forecast (30 min)", "persons/m²")]
    [InlineData("counter-surge", "Counter surge warning", "probability")]
    public void Of_KnownRule_ReadableNameAndUnit(string ruleId, string name, string? unit) =>
        RuleLabels.Of(ruleId).Should().Be(new RuleLabel(name, unit));

    [Fact]
    public void Of_UnknownRule_ItsIdWithoutUnit() => RuleLabels.Of("custom-rule").Should().Be(new RuleLabel("custom-rule", null));

    [Fact]
    public void Of_EveryDefaultZoneRule_HasANameOtherThanItsIdAndAUnit()
    {
        var zone = Occupancy.FusionTestData.ZoneWith(20);

        var labels = ZoneRules.For(zone, MonitorOptions.Default).Select(r => (r.Rule.Id, Label: RuleLabels.Of(r.Rule.Id))).ToList();

        labels.Should().OnlyContain(l => l.Label.Name != l.Id && l.Label.Unit != null);
    }
}

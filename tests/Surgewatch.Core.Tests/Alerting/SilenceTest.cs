using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public class SilenceTest
{
    private static readonly Silence Window = new(new AlertMatcher("density-alarm", "zone-a"), Minute(10), Minute(20), "ops");

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(19, true)]
    [InlineData(20, false)]
    public void Mutes_AroundTheWindow_FromInclusiveUntilExclusive(int minute, bool muted)
    {
        Window.Mutes("density-alarm", "zone-a", Minute(minute)).Should().Be(muted);
    }

    [Theory]
    [InlineData("density-warning", "zone-a")]
    [InlineData("density-alarm", "zone-b")]
    public void Mutes_OtherRuleOrSubject_DoesNotMute(string ruleId, string subject)
    {
        Window.Mutes(ruleId, subject, Minute(15)).Should().BeFalse();
    }

    [Fact]
    public void AlertMatcher_Any_MatchesEverything()
    {
        AlertMatcher.Any.Matches("any-rule", "any-zone").Should().BeTrue();
    }
}

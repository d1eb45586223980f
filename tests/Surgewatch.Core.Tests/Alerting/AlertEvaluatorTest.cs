using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class AlertEvaluatorTest
{
    [Fact]
    public void Evaluate_ValueAtThresholdWithoutPendingFor_FiresAtOnce()
    {
        var run = Run(Rule(pendingFor: 0)).Step(Minute(0), 4.0);

        run.Status.State.Should().Be(AlertState.Firing);
        run.Events.Should().ContainSingle().Which.Should().Match<AlertEvent>(e => e.State == AlertState.Firing && e.Value == 4.0 && e.AlertKey == "density-alarm/zone-a");
    }

    [Fact]
    public void Evaluate_ConditionHeldShorterThanPendingFor_StaysPending()
    {
        var run = Run(Rule(pendingFor: 5)).Minutes(Minute(0), Repeat(4.5, 5));

        run.Status.State.Should().Be(AlertState.Pending);
        run.Status.Since.Should().Be(Minute(0));
    }

    [Fact]
    public void Evaluate_ConditionHeldForPendingFor_Fires()
    {
        var run = Run(Rule(pendingFor: 5)).Minutes(Minute(0), Repeat(4.5, 6));

        run.Status.State.Should().Be(AlertState.Firing);
        run.Events.Select(e => (e.State, e.At)).Should().Equal((AlertState.Pending, Minute(0)), (AlertState.Firing, Minute(5)));
    }

    [Fact]
    public void Evaluate_ConditionBreaksWhilePending_GoesInactiveAndRestartsTheClock()
    {
        var run = Run(Rule(pendingFor: 5)).Minutes(Minute(0), 4.5, 4.5, 4.5, 3.9, 4.5, 4.5, 4.5, 4.5, 4.5);

        run.Status.State.Should().Be(AlertState.Pending);
        run.Events.Select(e => e.State).Should().Equal(AlertState.Pending, AlertState.Inactive, AlertState.Pending);
    }

    [Fact]
    public void Evaluate_ValueBetweenResolveLevelAndThreshold_KeepsFiring()
    {
        var run = Run(Rule(resolveBelow: 3.5)).Minutes(Minute(0), 4.2, 3.9, 3.6, 3.5, 3.7);

        run.Status.State.Should().Be(AlertState.Firing);
        run.Events.Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_ValueBelowResolveLevelWithoutKeepFiringFor_Resolves()
    {
        var run = Run(Rule(resolveBelow: 3.5)).Minutes(Minute(0), 4.2, 3.4);

        run.Status.State.Should().Be(AlertState.Resolved);
    }

    [Fact]
    public void Evaluate_ClearShorterThanKeepFiringFor_RecoversWithoutResolving()
    {
        var run = Run(Rule(keepFiringFor: 10)).Minutes(Minute(0), [4.2, .. Repeat(3.0, 10)]);

        run.Status.State.Should().Be(AlertState.Recovering);
        run.Status.Since.Should().Be(Minute(1));
    }

    [Fact]
    public void Evaluate_ClearForKeepFiringFor_Resolves()
    {
        var run = Run(Rule(keepFiringFor: 10)).Minutes(Minute(0), [4.2, .. Repeat(3.0, 11)]);

        run.Status.State.Should().Be(AlertState.Resolved);
        run.Events.Select(e => (e.State, e.At)).Should().Equal(
            (AlertState.Firing, Minute(0)), (AlertState.Recovering, Minute(1)), (AlertState.Resolved, Minute(11)));
    }

    [Fact]
    public void Evaluate_ValueBackAtResolveLevelWhileRecovering_FiresAgainWithoutResolving()
    {
        var run = Run(Rule(keepFiringFor: 10)).Minutes(Minute(0), 4.2, 3.0, 3.0, 3.6, 3.0);

        run.Events.Select(e => e.State).Should().Equal(AlertState.Firing, AlertState.Recovering, AlertState.Firing, AlertState.Recovering);
        run.Status.Since.Should().Be(Minute(4));
    }

    [Fact]
    public void Evaluate_SameStateRepeated_EmitsNoEvents()
    {
        var run = Run().Minutes(Minute(0), Repeat(5.0, 30));

        run.Events.Should().ContainSingle();
        run.Notifications.Where(n => n.Contact == "duty").Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_AfterResolve_NewEpisodeReusesTheSameAlertKey()
    {
        var run = Run().Minutes(Minute(0), 4.5, 3.0, 4.5);

        run.Events.Select(e => e.State).Should().Equal(AlertState.Firing, AlertState.Resolved, AlertState.Firing);
        run.Events.Select(e => e.AlertKey).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void Evaluate_TimeGoesBackwards_Throws()
    {
        var run = Run().Step(Minute(5), 4.5);

        var act = () => AlertEvaluator.Evaluate(Rule(), run.Status, AlertSample.Of(4.5), Minute(4));

        act.Should().Throw<ArgumentException>().WithMessage("*before the alert's last change*");
    }

    [Fact]
    public void Evaluate_RuleOfAnotherAlert_Throws()
    {
        var status = AlertStatus.New("other-rule", "zone-a", T0);

        var act = () => AlertEvaluator.Evaluate(Rule(), status, AlertSample.Of(1), T0);

        act.Should().Throw<ArgumentException>().WithMessage("*cannot evaluate alert 'other-rule/zone-a'*");
    }
}

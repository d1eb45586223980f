using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class AlertEvaluatorTest
{
    [Fact]
    public void Acknowledge_FiringAlert_RecordsWhoAndWhenWithoutChangingState()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(3), "ops-lead");

        run.Status.State.Should().Be(AlertState.Firing);
        run.Status.Acknowledged.Should().Be(new OperatorAction("ops-lead", Minute(3)));
        run.Events[^1].Should().Match<AlertEvent>(e => e.Actor == "ops-lead" && e.Note == "acknowledged" && e.State == AlertState.Firing);
    }

    [Fact]
    public void Acknowledge_Twice_KeepsTheFirstAndEmitsOnce()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(3), "a").Acknowledge(Minute(4), "b");

        run.Status.Acknowledged!.Actor.Should().Be("a");
        run.Events.Count(e => e.Note == "acknowledged").Should().Be(1);
    }

    [Fact]
    public void Acknowledge_InactiveAlert_Throws()
    {
        var act = () => AlertEvaluator.Acknowledge(AlertStatus.New("r", "z", T0), "a", T0);

        act.Should().Throw<InvalidOperationException>().WithMessage("*it is Inactive*");
    }

    [Fact]
    public void Evaluate_EpisodeResolves_ClearsTheAcknowledgement()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(1)).Step(Minute(2), 3.0);

        run.Status.Acknowledged.Should().BeNull();
    }

    [Fact]
    public void ResolveByOperator_FiringAlert_ResolvesWithActor()
    {
        var run = Run().Step(Minute(0), 4.5).Resolve(Minute(2), "ops-lead");

        run.Status.State.Should().Be(AlertState.Resolved);
        run.Events[^1].Should().Match<AlertEvent>(e => e.Actor == "ops-lead" && e.State == AlertState.Resolved);
    }

    [Fact]
    public void ResolveByOperator_NoDataAlert_RestartsTheNoDataClock()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(10), AlertSample.NoData).Resolve(Minute(12)).Step(Minute(21), AlertSample.NoData);

        run.Status.State.Should().Be(AlertState.Resolved);
        run.Step(Minute(22), AlertSample.NoData).Status.State.Should().Be(AlertState.NoData);
    }

    [Fact]
    public void ResolveByOperator_ResolvedAlert_Throws()
    {
        var run = Run().Step(Minute(0), 4.5).Resolve(Minute(1));

        var act = () => AlertEvaluator.ResolveByOperator(run.Status, "a", Minute(2));

        act.Should().Throw<InvalidOperationException>().WithMessage("*it is Resolved*");
    }
}

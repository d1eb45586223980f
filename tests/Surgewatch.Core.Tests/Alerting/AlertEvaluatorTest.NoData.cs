using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class AlertEvaluatorTest
{
    [Fact]
    public void Evaluate_NoSampleShorterThanNoDataAfter_KeepsState()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(0), 4.5).Step(Minute(9), AlertSample.NoData);

        run.Status.State.Should().Be(AlertState.Firing);
    }

    [Fact]
    public void Evaluate_NoSampleForNoDataAfter_GoesToNoDataNotResolved()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(0), 4.5).Step(Minute(10), AlertSample.NoData);

        run.Status.State.Should().Be(AlertState.NoData);
        run.Events[^1].Note.Should().Contain("no sample since");
    }

    [Fact]
    public void Evaluate_NeverAnySample_GoesToNoDataFromInactive()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(10), AlertSample.NoData);

        run.Events.Should().ContainSingle().Which.State.Should().Be(AlertState.NoData);
    }

    [Fact]
    public void Evaluate_MissingSamplesWhileRecovering_DoNotResolve()
    {
        var run = Run(Rule(keepFiringFor: 5, noDataAfter: 30)).Minutes(Minute(0), [4.5, 3.0, .. Repeat(double.NaN, 20)]);

        run.Status.State.Should().Be(AlertState.Recovering);
    }

    [Fact]
    public void Evaluate_DataBackBelowThreshold_LeavesNoDataForInactive()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(10), AlertSample.NoData).Step(Minute(11), 1.0);

        run.Events.Select(e => e.State).Should().Equal(AlertState.NoData, AlertState.Inactive);
    }

    [Fact]
    public void Evaluate_DataBackAboveThreshold_StartsPending()
    {
        var run = Run(Rule(pendingFor: 5, noDataAfter: 10)).Step(Minute(10), AlertSample.NoData).Step(Minute(11), 4.5);

        run.Status.State.Should().Be(AlertState.Pending);
        run.Status.Since.Should().Be(Minute(11));
    }

    [Fact]
    public void Evaluate_DataBackInTheHysteresisBandAfterFiring_FiresAgain()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(0), 4.5).Step(Minute(10), AlertSample.NoData).Step(Minute(11), 3.8);

        run.Events.Select(e => e.State).Should().Equal(AlertState.Firing, AlertState.NoData, AlertState.Firing);
    }

    [Fact]
    public void Evaluate_DataBackClearAfterFiring_RecoversBeforeResolving()
    {
        var run = Run(Rule(keepFiringFor: 5, noDataAfter: 10)).Step(Minute(0), 4.5).Step(Minute(10), AlertSample.NoData).Minutes(Minute(11), Repeat(3.0, 6));

        run.Events.Select(e => (e.State, e.At)).Should().Equal(
            (AlertState.Firing, Minute(0)), (AlertState.NoData, Minute(10)), (AlertState.Recovering, Minute(11)), (AlertState.Resolved, Minute(16)));
    }

    [Fact]
    public void Evaluate_DataBackInTheHysteresisBandWithoutFiring_GoesInactive()
    {
        var run = Run(Rule(noDataAfter: 10)).Step(Minute(10), AlertSample.NoData).Step(Minute(11), 3.8);

        run.Status.State.Should().Be(AlertState.Inactive);
        run.Status.FiringBeforeNoData.Should().BeFalse();
    }

    [Fact]
    public void AlertSample_Of_NaNIsNoData()
    {
        AlertSample.Of(double.NaN).Should().Be(AlertSample.NoData);
        AlertSample.Of(double.NaN).HasValue.Should().BeFalse();
    }
}

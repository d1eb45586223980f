using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class NotificationPlannerTest
{
    [Fact]
    public void Plan_AlertFires_TellsTheFirstContactOnce()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 5));

        run.Notifications.Should().ContainSingle().Which.Should().Match<Notification>(n =>
            n.Contact == "duty" && n.Kind == NotificationKind.Firing && n.Reason == NotificationReason.Changed && n.At == Minute(0));
    }

    [Fact]
    public void Plan_PendingAlert_TellsNobody()
    {
        var run = Run(Rule(pendingFor: 10)).Minutes(Minute(0), Repeat(4.5, 5));

        run.Notifications.Should().BeEmpty();
    }

    [Fact]
    public void Plan_NobodyAcknowledges_EscalatesEachStepOnceOnTime()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 40));

        run.Notifications.Where(n => n.Reason == NotificationReason.Escalated).Select(n => (n.Contact, n.At))
            .Should().Equal(("supervisor", Minute(10)), ("control-room", Minute(20)));
    }

    [Fact]
    public void Plan_AcknowledgedBeforeTheFirstDelay_NeverEscalates()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(9)).Minutes(Minute(10), Repeat(4.5, 120));

        run.Notifications.Should().ContainSingle().Which.Contact.Should().Be("duty");
    }

    [Fact]
    public void Plan_AcknowledgedAfterOneStep_StopsThere()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 15)).Acknowledge(Minute(15)).Minutes(Minute(16), Repeat(4.5, 60));

        run.Notifications.Where(n => n.Reason == NotificationReason.Escalated).Should().ContainSingle().Which.Contact.Should().Be("supervisor");
    }

    [Fact]
    public void Plan_StillFiringUnacknowledged_RemindsEveryContactReachedOncePerHour()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 150));

        run.Notifications.Where(n => n.Reason == NotificationReason.Reminder).Select(n => (n.Contact, n.At)).Should().Equal(
            ("duty", Minute(60)), ("supervisor", Minute(60)), ("control-room", Minute(60)),
            ("duty", Minute(120)), ("supervisor", Minute(120)), ("control-room", Minute(120)));
    }

    [Fact]
    public void Plan_Acknowledged_SendsNoReminders()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(1)).Minutes(Minute(2), Repeat(4.5, 180));

        run.Notifications.Should().ContainSingle();
    }

    [Fact]
    public void Plan_ResolvedAfterFiring_TellsEveryoneReachedThatItIsOver()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 40)).Acknowledge(Minute(40)).Minutes(Minute(41), [.. Repeat(4.5, 20), 3.0]);

        run.Notifications.Where(n => n.Kind == NotificationKind.Resolved).Select(n => (n.Contact, n.At))
            .Should().Equal(("duty", Minute(61)), ("supervisor", Minute(61)), ("control-room", Minute(61)));
    }

    [Fact]
    public void Plan_ResolvedSoonAfterAReminder_WaitsForTheInterval()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 65)).Minutes(Minute(65), Repeat(3.0, 60));

        run.Notifications.Where(n => n.Kind == NotificationKind.Resolved).Should().OnlyContain(n => n.At == Minute(120)).And.HaveCount(3);
    }

    [Fact]
    public void Plan_BriefDipsWithinTheHour_AreNotTold()
    {
        var run = Run().Minutes(Minute(0), 4.5, 3.0, 4.5, 3.0, 4.5).Acknowledge(Minute(5)).Minutes(Minute(6), Repeat(4.5, 60));

        run.Notifications.Select(n => (n.Contact, n.Kind, n.At)).Should().Equal(("duty", NotificationKind.Firing, Minute(0)));
    }

    [Fact]
    public void Plan_FiresAgainAfterAToldResolve_IsToldAtOnce()
    {
        var run = Run().Step(Minute(0), 4.5).Acknowledge(Minute(1)).Step(Minute(60), 3.0).Step(Minute(62), 4.5);

        run.Notifications.Select(n => (n.Kind, n.At)).Should().Equal(
            (NotificationKind.Firing, Minute(0)), (NotificationKind.Resolved, Minute(60)), (NotificationKind.Firing, Minute(62)));
    }

    [Fact]
    public void Plan_ResolvedNeverTold_SendsNothing()
    {
        var silent = Policy(new Silence(AlertMatcher.Any, Minute(0), Minute(30), "ops"));
        var run = Run(policy: silent).Minutes(Minute(0), 4.5, 3.0).Minutes(Minute(30), Repeat(1.0, 10));

        run.Notifications.Should().BeEmpty();
    }

    [Fact]
    public void Plan_NoData_IsToldAndEscalates()
    {
        var run = Run(Rule(noDataAfter: 10)).Minutes(Minute(0), [1.0, .. Repeat(double.NaN, 40)]);

        run.Notifications.Select(n => (n.Contact, n.Kind)).Should().Equal(
            ("duty", NotificationKind.NoData), ("supervisor", NotificationKind.NoData), ("control-room", NotificationKind.NoData));
    }

    [Fact]
    public void Validated_ChainNotStartingAtZero_Throws()
    {
        var policy = new NotificationPolicy([new EscalationStep("duty", TimeSpan.FromMinutes(5))], TimeSpan.FromHours(1), []);

        policy.Invoking(p => p.Validated()).Should().Throw<ArgumentException>().WithMessage("*first step must have delay zero*");
    }

    [Fact]
    public void Validated_ChainOutOfOrder_Throws()
    {
        var policy = NotificationPolicy.For(new EscalationStep("a", TimeSpan.Zero), new EscalationStep("b", TimeSpan.FromMinutes(20)), new EscalationStep("c", TimeSpan.FromMinutes(10)));

        policy.Invoking(p => p.Validated()).Should().Throw<ArgumentException>().WithMessage("*step 2 ('c')*order the chain*");
    }
}

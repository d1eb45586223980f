using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class NotificationPlannerTest
{
    [Fact]
    public void Plan_ReminderPlannedAgainLaterFromTheSameLedger_KeepsItsDeliveryIds()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 30));

        var first = NotificationPlanner.Plan(Policy(), run.Status, run.Ledger, Minute(90));
        var again = NotificationPlanner.Plan(Policy(), run.Status, run.Ledger, Minute(95));

        first.Notifications.Should().NotBeEmpty().And.OnlyContain(n => n.Reason == NotificationReason.Reminder);
        again.Notifications.Select(n => n.DeliveryId).Should().Equal(first.Notifications.Select(n => n.DeliveryId),
            "a node that dies before saving the ledger plans the same notifications again, and the outbox must know them");
    }

    [Fact]
    public void Plan_EscalationPlannedAgainLaterFromTheSameLedger_KeepsItsDeliveryId()
    {
        var run = Run().Minutes(Minute(0), Repeat(4.5, 5));

        var first = NotificationPlanner.Plan(Policy(), run.Status, run.Ledger, Minute(10));
        var again = NotificationPlanner.Plan(Policy(), run.Status, run.Ledger, Minute(12));

        first.Notifications.Should().ContainSingle().Which.Reason.Should().Be(NotificationReason.Escalated);
        again.Notifications.Should().ContainSingle().Which.DeliveryId.Should().Be(first.Notifications[0].DeliveryId);
    }

    [Fact]
    public void Plan_AlertNeverToldBefore_IdDependsOnWhenItWasPlanned()
    {
        var status = Run().Step(Minute(0), 4.5).Status;

        var first = NotificationPlanner.Plan(Policy(), status, NotificationLedger.Empty, Minute(0));
        var later = NotificationPlanner.Plan(Policy(), status, NotificationLedger.Empty, Minute(1));

        later.Notifications[0].DeliveryId.Should().NotBe(first.Notifications[0].DeliveryId,
            "an alert made anew (its zone deleted and added again) must not reuse the ids of its earlier life");
    }

    [Fact]
    public void Plan_TwoEpisodesWithRemindersAndEscalations_GiveEveryNotificationItsOwnId()
    {
        var run = Run()
            .Minutes(Minute(0), Repeat(4.5, 150))
            .Minutes(Minute(150), Repeat(3.0, 70))
            .Minutes(Minute(220), Repeat(4.5, 90));

        run.Notifications.Should().HaveCountGreaterThan(15);
        run.Notifications.Select(n => n.DeliveryId).Should().OnlyHaveUniqueItems();
    }
}

using Surgewatch.Core.Alerting;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public partial class NotificationPlannerTest
{
    [Fact]
    public void Plan_FiresDuringSilence_SendsNothingUntilItEnds()
    {
        var silent = Policy(new Silence(AlertMatcher.Any, Minute(0), Minute(30), "ops"));
        var run = Run(policy: silent).Minutes(Minute(0), Repeat(4.5, 31));

        run.Notifications.Where(n => n.At < Minute(30)).Should().BeEmpty();
        run.Notifications.Where(n => n.Contact == "duty").Should().ContainSingle()
            .Which.Should().Match<Notification>(n => n.At == Minute(30) && n.Reason == NotificationReason.Deferred);
    }

    [Fact]
    public void Plan_SilenceExpiresWhileStillFiring_NotifiesAgainWithinTheRateLimit()
    {
        var silent = Policy(new Silence(AlertMatcher.Any, Minute(10), Minute(40), "ops"));
        var run = Run(policy: silent).Step(Minute(0), 4.5).Acknowledge(Minute(1)).Minutes(Minute(2), Repeat(4.5, 70));

        run.Notifications.Select(n => (n.Contact, n.At, n.Reason)).Should().Equal(
            ("duty", Minute(0), NotificationReason.Changed), ("duty", Minute(60), NotificationReason.Deferred));
    }

    [Fact]
    public void Plan_SilenceForAnotherSubject_DoesNotMute()
    {
        var silent = Policy(new Silence(new AlertMatcher(Subject: "zone-b"), Minute(0), Minute(30), "ops"));
        var run = Run(policy: silent).Step(Minute(0), 4.5);

        run.Notifications.Should().ContainSingle();
    }

    [Fact]
    public void Plan_SilenceForTheRule_Mutes()
    {
        var silent = Policy(new Silence(new AlertMatcher(RuleId: "density-alarm"), Minute(0), Minute(30), "ops"));
        var run = Run(policy: silent).Step(Minute(0), 4.5);

        run.Notifications.Should().BeEmpty();
        run.Ledger.Owed.Should().BeTrue();
    }

    [Fact]
    public void Plan_ClearedDuringSilence_DropsWhatWasHeldBack()
    {
        var silent = Policy(new Silence(AlertMatcher.Any, Minute(0), Minute(30), "ops"));
        var run = Run(policy: silent).Minutes(Minute(0), 4.5, 4.5, 3.0).Step(Minute(31), 1.0);

        run.Notifications.Should().BeEmpty();
        run.Ledger.Owed.Should().BeFalse();
    }

    [Fact]
    public void Plan_SilencedAlert_DoesNotEscalateUntilTheSilenceEnds()
    {
        var silent = Policy(new Silence(AlertMatcher.Any, Minute(5), Minute(50), "ops"));
        var run = Run(policy: silent).Minutes(Minute(0), Repeat(4.5, 51));

        run.Notifications.Select(n => (n.Contact, n.At)).Should().Equal(
            ("duty", Minute(0)), ("supervisor", Minute(50)), ("control-room", Minute(50)));
    }
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;

namespace Surgewatch.Core.Tests.Outbox;

public class OutboxWritesTest
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void InKeyOrder_RepeatsAndAnyOrder_KeepsEachIdOnceInOrdinalOrder()
    {
        var a = Notification("zone-a");
        var b = Notification("zone-b");

        var ordered = OutboxWrites.InKeyOrder([b, a, b with { Value = 1 }]);

        ordered.Select(n => n.DeliveryId).Should().Equal(new[] { a.DeliveryId, b.DeliveryId }.Order(StringComparer.Ordinal));
        ordered.Should().Contain(b, "the first of a repeated id is kept");
    }

    [Fact]
    public void InKeyOrder_NotificationWithoutContact_IsRejected()
    {
        var act = () => OutboxWrites.InKeyOrder([Notification("zone-a") with { Contact = "" }]);

        act.Should().Throw<ArgumentException>().WithMessage("*contact*");
    }

    private static Notification Notification(string zone) =>
        new($"density-alarm/{zone}", "density-alarm", zone, "duty", NotificationKind.Firing, NotificationReason.Changed, T0, 4.2);
}

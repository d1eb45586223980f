using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

public abstract partial class MonitoringStoreSpecification
{
    [StoreFact]
    public async Task ListDeliveriesAsync_AppendedDeliveries_ComeBackOldestFirstWithFailures()
    {
        var n = new Notification("density-alarm/z1", "density-alarm", "z1", "duty", NotificationKind.Firing, NotificationReason.Changed, T0, 4.2);
        var failed = new NotificationDelivery(n, "webhook", T0.AddSeconds(30), false, 4, "HTTP 503");
        var sent = new NotificationDelivery(n with { Contact = "ops@example.org" }, "email", T0.AddSeconds(5), true, 1);

        await Deliveries.AppendDeliveriesAsync([failed, sent]);
        var listed = await Deliveries.ListDeliveriesAsync(T0, 10);

        listed.Should().BeEquivalentTo([sent, failed], o => o.WithStrictOrdering());
    }

    [StoreFact]
    public async Task ListDeliveriesAsync_Delivery_KeepsTheDeliveryIdItWasSentWith()
    {
        var n = new Notification("density-alarm/z1", "density-alarm", "z1", "duty", NotificationKind.Firing, NotificationReason.Reminder, T0, null)
        {
            DeliveryId = DeliveryIds.Of("density-alarm/z1", "duty", NotificationKind.Firing, NotificationReason.Reminder, DeliveryIds.TurnAfter(T0.AddHours(-1), T0)),
        };

        await Deliveries.AppendDeliveriesAsync([new NotificationDelivery(n, "webhook", T0, true, 1)]);

        (await Deliveries.ListDeliveriesAsync(T0, 10)).Should().ContainSingle().Which.Notification.DeliveryId.Should().Be(n.DeliveryId);
    }

    [StoreFact]
    public async Task ListAuditAsync_SinceAndLimit_ReturnTheOldestEntriesFromThere()
    {
        var entries = Enumerable.Range(0, 5).Select(i => new AuditEntry(T0.AddMinutes(i), "op", "alert.acknowledge", $"k{i}", i == 2 ? null : "note")).ToList();

        await Audit.AppendAuditAsync(entries);
        var listed = await Audit.ListAuditAsync(T0.AddMinutes(1), 2);

        listed.Should().BeEquivalentTo(entries.Skip(1).Take(2), o => o.WithStrictOrdering());
    }

    [StoreFact]
    public async Task AppendAuditAsync_EntryWithoutActor_IsRejected()
    {
        var act = () => Audit.AppendAuditAsync([new AuditEntry(T0, " ", "silence.create", "1")]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*actor*");
    }
}

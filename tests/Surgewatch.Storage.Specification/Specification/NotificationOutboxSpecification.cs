using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>
/// What every <see cref="INotificationOutbox"/> adapter must do; derive and supply <see cref="CreateStore"/> and
/// <see cref="OpenAgain"/> (a second store on the same database, as a second node opens it).
/// </summary>
public abstract partial class NotificationOutboxSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private INotificationOutbox? _store;

    /// <summary>Creates a new, empty store.</summary>
    protected abstract INotificationOutbox CreateStore();

    /// <summary>Opens another store on the database behind <paramref name="store"/>, with connections of its own.</summary>
    protected abstract INotificationOutbox OpenAgain(INotificationOutbox store);

    private INotificationOutbox Store => _store ??= CreateStore();

    [StoreFact]
    public async Task EnqueueAsync_SameDeliveryIdTwice_KeepsTheFirstOnly()
    {
        var first = Firing("zone-1");

        (await Store.EnqueueAsync([first], T0)).Should().Be(1);
        (await Store.EnqueueAsync([first with { Value = 9.9 }, first], T0.AddMinutes(1))).Should().Be(0);

        var claimed = await Store.ClaimAsync(Claim("node-a", T0.AddMinutes(1)));
        claimed.Should().ContainSingle().Which.Notification.Should().Be(first);
        claimed[0].EnqueuedAt.Should().Be(T0);
    }

    [StoreFact]
    public async Task EnqueueAsync_OneListWithARepeatedId_AddsItOnce()
    {
        var n = Firing("zone-1");

        (await Store.EnqueueAsync([n, n, Firing("zone-2")], T0)).Should().Be(2);

        (await Store.ClaimAsync(Claim("node-a", T0))).Should().HaveCount(2);
    }

    [StoreFact]
    public async Task EnqueueAsync_DeliveredIdAgain_IsNeverSentAgain()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));
        await Store.MarkDeliveredAsync(n.DeliveryId, T0.AddSeconds(1));

        (await Store.EnqueueAsync([n], T0.AddMinutes(5))).Should().Be(0);

        (await Store.ClaimAsync(Claim("node-b", T0.AddHours(1)))).Should().BeEmpty();
    }

    [StoreFact]
    public async Task EnqueueAsync_NotificationWithoutDeliveryId_IsRejectedAndNothingIsAdded()
    {
        var act = () => Store.EnqueueAsync([Firing("zone-1"), Firing("zone-2") with { DeliveryId = "" }], T0);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*delivery id*");
        (await Store.ClaimAsync(Claim("node-a", T0))).Should().BeEmpty();
    }

    [StoreFact]
    public async Task ClaimAsync_DueEntry_ComesBackWithEveryFieldAndTheClaim()
    {
        var withValue = Firing("zone-1");
        var withoutValue = Firing("zone-2") with { Value = null, Kind = NotificationKind.NoData, Reason = NotificationReason.Escalated, Contact = "ops@example.org" };
        await Store.EnqueueAsync([withValue, withoutValue], T0);

        var claimed = await Store.ClaimAsync(Claim("node-a", T0.AddSeconds(5)));

        claimed.Select(e => e.Notification).Should().BeEquivalentTo([withValue, withoutValue]);
        claimed.Should().OnlyContain(e => e.EnqueuedAt == T0 && e.DueAt == T0 && e.Claims == 1 && e.ClaimedBy == "node-a"
            && e.LeaseUntil == T0.AddSeconds(5) + Lease && e.DeliveredAt == null && e.AbandonedAt == null && e.LastError == null);
    }

    [StoreFact]
    public async Task ClaimAsync_Limit_TakesTheEarliestDueFirst()
    {
        await Store.EnqueueAsync([Firing("late")], T0.AddMinutes(2));
        await Store.EnqueueAsync([Firing("early")], T0);
        await Store.EnqueueAsync([Firing("middle")], T0.AddMinutes(1));

        var claimed = await Store.ClaimAsync(new OutboxClaim("node-a", T0.AddMinutes(3), Lease, 2));

        claimed.Select(e => e.Notification.Subject).Should().Equal("early", "middle");
    }

    [StoreFact]
    public async Task ClaimAsync_EntryHeldByALiveLease_IsNotClaimedAgain()
    {
        await Store.EnqueueAsync([Firing("zone-1")], T0);
        await Store.ClaimAsync(Claim("node-a", T0));

        (await Store.ClaimAsync(Claim("node-b", T0 + Lease - TimeSpan.FromTicks(1)))).Should().BeEmpty();
        (await Store.ClaimAsync(Claim("node-a", T0.AddSeconds(1)))).Should().BeEmpty("a claim is not handed out twice, not even to its holder");
    }

    [StoreFact]
    public async Task ClaimAsync_LeaseLapsed_AnotherClaimerTakesItOver()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));

        var retaken = await Store.ClaimAsync(Claim("node-b", T0 + Lease));

        retaken.Should().ContainSingle().Which.Should().Match<OutboxEntry>(e => e.ClaimedBy == "node-b" && e.Claims == 2 && e.DeliveryId == n.DeliveryId);
        (await Store.RescheduleAsync(n.DeliveryId, "node-a", T0.AddHours(1), "too late")).Should().BeFalse("node-a no longer holds it");
        (await Store.AbandonAsync(n.DeliveryId, "node-a", T0.AddHours(1), "too late")).Should().BeFalse();
        (await Store.FindOutboxEntryAsync(n.DeliveryId))!.ClaimedBy.Should().Be("node-b");
    }

    [StoreFact]
    public async Task RescheduleAsync_LaterDueTime_IsClaimableFromThenOnly()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));

        (await Store.RescheduleAsync(n.DeliveryId, "node-a", T0.AddMinutes(5), "HTTP 503")).Should().BeTrue();

        (await Store.ClaimAsync(Claim("node-a", T0.AddMinutes(5) - TimeSpan.FromTicks(1)))).Should().BeEmpty();
        var again = await Store.ClaimAsync(Claim("node-b", T0.AddMinutes(5)));
        again.Should().ContainSingle().Which.Should().Match<OutboxEntry>(e =>
            e.DueAt == T0.AddMinutes(5) && e.Claims == 2 && e.LastError == "HTTP 503" && e.ClaimedBy == "node-b");
    }

    [StoreFact]
    public async Task MarkDeliveredAsync_DeliveredEntry_IsNeverClaimedOrRescheduledAgain()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));

        (await Store.MarkDeliveredAsync(n.DeliveryId, T0.AddSeconds(2))).Should().BeTrue();

        (await Store.ClaimAsync(Claim("node-b", T0.AddDays(1)))).Should().BeEmpty();
        (await Store.MarkDeliveredAsync(n.DeliveryId, T0.AddSeconds(3))).Should().BeFalse();
        (await Store.RescheduleAsync(n.DeliveryId, "node-a", T0, "late failure")).Should().BeFalse();
        var entry = await Store.FindOutboxEntryAsync(n.DeliveryId);
        entry.Should().Match<OutboxEntry>(e => e.DeliveredAt == T0.AddSeconds(2) && e.ClaimedBy == null && e.LeaseUntil == null && e.IsSettled);
    }

    [StoreFact]
    public async Task MarkDeliveredAsync_ByASenderWhoseLeaseLapsed_StillSettlesTheEntry()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));
        await Store.ClaimAsync(Claim("node-b", T0 + Lease));

        (await Store.MarkDeliveredAsync(n.DeliveryId, T0 + Lease)).Should().BeTrue("node-a did deliver it");

        (await Store.RescheduleAsync(n.DeliveryId, "node-b", T0.AddHours(1), "HTTP 503")).Should().BeFalse();
        (await Store.ClaimAsync(Claim("node-c", T0.AddDays(1)))).Should().BeEmpty();
    }

    [StoreFact]
    public async Task AbandonAsync_ByItsHolder_SettlesItUndeliveredForGood()
    {
        var n = Firing("zone-1");
        await Store.EnqueueAsync([n], T0);
        await Store.ClaimAsync(Claim("node-a", T0));

        (await Store.AbandonAsync(n.DeliveryId, "node-b", T0.AddSeconds(1), "not mine")).Should().BeFalse();
        (await Store.AbandonAsync(n.DeliveryId, "node-a", T0.AddSeconds(1), "gave up after 8 rounds")).Should().BeTrue();

        (await Store.ClaimAsync(Claim("node-b", T0.AddDays(1)))).Should().BeEmpty();
        (await Store.FindOutboxEntryAsync(n.DeliveryId)).Should().Match<OutboxEntry>(e =>
            e.AbandonedAt == T0.AddSeconds(1) && e.DeliveredAt == null && e.LastError == "gave up after 8 rounds");
    }

    [StoreFact]
    public async Task FindOutboxEntryAsync_UnknownId_IsNull()
    {
        (await Store.FindOutboxEntryAsync("00000000-0000-8000-8000-000000000000")).Should().BeNull();
    }

    private static OutboxClaim Claim(string claimant, DateTimeOffset now) => new(claimant, now, Lease, 100);

    private static Notification Firing(string zone) =>
        new($"density-alarm/{zone}", "density-alarm", zone, "duty", NotificationKind.Firing, NotificationReason.Changed, T0, 4.25);
}

using System.Collections.Concurrent;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

public abstract partial class NotificationOutboxSpecification
{
    [StoreFact]
    public async Task ClaimAsync_ManyClaimersOnTwoStoresAtOnce_GiveEachEntryToOneClaimerOnly()
    {
        const int Entries = 60;
        var notifications = Enumerable.Range(0, Entries).Select(i => Firing($"zone-{i:D2}")).ToList();
        await Store.EnqueueAsync(notifications, T0);
        var stores = new[] { Store, OpenAgain(Store) };
        var claimedBy = new ConcurrentBag<(string DeliveryId, string Claimant)>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var claimant = $"node-{c}";
            // Bounded, so that a store handing entries out again fails the test instead of looping for ever.
            for (var round = 0; round < Entries; round++)
            {
                var batch = await stores[c % 2].ClaimAsync(new OutboxClaim(claimant, T0.AddSeconds(1), Lease, 3));
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var entry in batch)
                {
                    claimedBy.Add((entry.DeliveryId, claimant));
                }
            }
        })));

        claimedBy.Select(c => c.DeliveryId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(notifications.Select(n => n.DeliveryId));
        foreach (var (deliveryId, claimant) in claimedBy)
        {
            (await Store.FindOutboxEntryAsync(deliveryId))!.ClaimedBy.Should().Be(claimant);
        }
    }

    [StoreFact]
    public async Task EnqueueAsync_TwoStoresEnqueueTheSameIdsAtOnce_KeepOneEntryEach()
    {
        var notifications = Enumerable.Range(0, 30).Select(i => Firing($"zone-{i:D2}")).ToList();
        var second = OpenAgain(Store);

        var added = await Task.WhenAll(
            Task.Run(() => Store.EnqueueAsync(notifications, T0)),
            Task.Run(() => second.EnqueueAsync([.. Enumerable.Reverse(notifications)], T0)));

        added.Sum().Should().Be(notifications.Count);
        (await Store.ClaimAsync(Claim("node-a", T0))).Should().HaveCount(notifications.Count);
    }
}

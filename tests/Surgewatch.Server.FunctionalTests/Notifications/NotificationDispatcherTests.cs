using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Metrics;
using Surgewatch.Server.Notifications;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.FunctionalTests.Notifications;

/// <summary>The dispatcher over a real outbox: one SQLite file, opened once per node as another process would.</summary>
public sealed class NotificationDispatcherTests : IDisposable
{
    private const int Queued = 20;
    private readonly StoreFolder _folder = new();
    private readonly List<SqliteStore> _stores = [];

    [Fact]
    public async Task StopAsync_NotificationsDueInTheOutbox_DeliversThemBeforeStopping()
    {
        using var listener = new WebhookListener();
        var store = Node();
        var dispatcher = await RunningAsync(store, listener, Settings(listener, drainSeconds: 10));

        var queued = Enumerable.Range(1, Queued).Select(Firing).ToList();
        await dispatcher.EnqueueAsync(queued, CancellationToken.None);
        await dispatcher.StopAsync(CancellationToken.None);

        foreach (var n in queued)
        {
            (await store.FindOutboxEntryAsync(n.DeliveryId))!.DeliveredAt.Should().NotBeNull("the outbox is drained on stop");
        }

        (await listener.DrainAsync(TimeSpan.FromMilliseconds(300))).Select(r => r.DeliveryId).Should().BeEquivalentTo(queued.Select(n => n.DeliveryId));
    }

    [Fact]
    public async Task StopAsync_NoDrainTime_LeavesTheRestInTheOutboxAndTheNextStartSendsIt()
    {
        using var listener = new WebhookListener();
        var store = Node();
        var first = await RunningAsync(store, listener, Settings(listener, drainSeconds: 0));
        var queued = Enumerable.Range(1, Queued).Select(Firing).ToList();
        listener.Delay = TimeSpan.FromMilliseconds(100); // the 20 take 2 s: the stop comes before they are all sent, however fast the machine

        await first.EnqueueAsync(queued, CancellationToken.None);
        await first.StopAsync(CancellationToken.None);
        listener.Delay = TimeSpan.Zero;

        var left = await UndeliveredAsync(store, queued);
        left.Should().NotBeEmpty("with no drain time what is left when the stop comes is not sent");
        left.Should().OnlyContain(e => e.ClaimedBy == null, "the stopping node hands its claims back instead of holding them for the lease");
        var again = Dispatcher(Node(), Settings(listener, drainSeconds: 10));
        await again.StartAsync(CancellationToken.None);
        await WaitUntilAsync(async () => (await UndeliveredAsync(store, queued)).Count == 0);
        await again.StopAsync(CancellationToken.None);

        var received = (await listener.DrainAsync(TimeSpan.FromMilliseconds(300))).Select(r => r.DeliveryId!).ToList();
        received.Distinct().Should().BeEquivalentTo(queued.Select(n => n.DeliveryId));
        received.Count.Should().BeLessThanOrEqualTo(Queued + 1, "only the request in flight when the stop came may be sent again, under its delivery id");
    }

    [Fact]
    public async Task Deliver_ReceiverFailsTwice_TriesAgainLaterWithTheSameDeliveryIdUntilDelivered()
    {
        using var listener = new WebhookListener(failFirst: 2);
        var store = Node();
        var dispatcher = Dispatcher(store, Settings(listener, firstRetrySeconds: 0.1));
        await dispatcher.StartAsync(CancellationToken.None);
        var n = Firing(1);

        await dispatcher.EnqueueAsync([n], CancellationToken.None);
        var requests = new[] { await listener.NextAsync(), await listener.NextAsync(), await listener.NextAsync() };
        await WaitUntilAsync(async () => (await store.FindOutboxEntryAsync(n.DeliveryId))!.DeliveredAt is not null);
        await dispatcher.StopAsync(CancellationToken.None);

        requests.Select(r => (r.DeliveryId, r.Status)).Should().Equal((n.DeliveryId, 503), (n.DeliveryId, 503), (n.DeliveryId, 200));
        (await store.FindOutboxEntryAsync(n.DeliveryId))!.Claims.Should().Be(3);
        var ledger = await store.ListDeliveriesAsync(DateTimeOffset.MinValue, 10);
        ledger.Select(d => (d.Notification.DeliveryId, d.Delivered)).Should().Equal((n.DeliveryId, false), (n.DeliveryId, false), (n.DeliveryId, true));
    }

    [Fact]
    public async Task Deliver_ReceiverNeverAccepts_GivesUpAfterMaxRounds()
    {
        using var listener = new WebhookListener { Failing = true };
        var store = Node();
        var dispatcher = Dispatcher(store, Settings(listener, firstRetrySeconds: 0.1, maxRounds: 2));
        await dispatcher.StartAsync(CancellationToken.None);
        var n = Firing(1);

        await dispatcher.EnqueueAsync([n], CancellationToken.None);
        await WaitUntilAsync(async () => (await store.FindOutboxEntryAsync(n.DeliveryId))!.AbandonedAt is not null);
        await dispatcher.StopAsync(CancellationToken.None);

        (await store.FindOutboxEntryAsync(n.DeliveryId))!.LastError.Should().StartWith("given up after 2 rounds");
        (await listener.DrainAsync(TimeSpan.FromMilliseconds(300))).Should().HaveCount(2);
    }

    [Fact]
    public async Task Deliver_TwoNodesOnOneStore_SendEachNotificationOnce()
    {
        using var listener = new WebhookListener();
        var a = Node();
        var b = Node();

        await OutboxRig.TwoNodesSendEachOnceAsync(listener, new StoreNode<SqliteStore>(a), new StoreNode<SqliteStore>(b));
    }

    [Fact]
    public async Task EnqueueAsync_StoreRefusesTheWrite_ThrowsAndTheNextRoundWritesAndSendsIt()
    {
        using var listener = new WebhookListener();
        var store = Node();
        var flaky = new OutboxDownOnce(store);
        var dispatcher = OutboxRig.Dispatcher(flaky, store, Settings(listener));
        var n = Firing(1);

        var act = () => dispatcher.EnqueueAsync([n], CancellationToken.None);
        await act.Should().ThrowAsync<InvalidOperationException>("the monitor must not save ledgers that count it as told");
        await dispatcher.StartAsync(CancellationToken.None);
        var delivered = await listener.NextAsync();
        await dispatcher.StopAsync(CancellationToken.None);

        delivered.DeliveryId.Should().Be(n.DeliveryId);
        (await store.FindOutboxEntryAsync(n.DeliveryId))!.DeliveredAt.Should().NotBeNull();
    }

    [Fact]
    public async Task Deliver_ContactWithoutAChannel_EachRecordedUndeliverableAndCountedWithOneWarningAnHour()
    {
        var store = Node();
        var metrics = new ServerMetrics();
        var logs = new CapturedLogs();
        using var factory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        var dispatcher = new NotificationDispatcher(
            Options.Create(new NotificationSettings { DrainSeconds = 10 }), store, store, new NoClients(), metrics, TimeProvider.System,
            Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<NotificationDispatcher>(factory));
        await dispatcher.StartAsync(CancellationToken.None);
        var queued = Enumerable.Range(1, 3).Select(i => Firing(i) with { Contact = "duty@example.org" }).ToList();

        await dispatcher.EnqueueAsync(queued, CancellationToken.None);
        await WaitUntilAsync(() => Task.FromResult(metrics.Undeliverable >= 3));
        await dispatcher.StopAsync(CancellationToken.None);

        var ledger = await store.ListDeliveriesAsync(DateTimeOffset.MinValue, 10);
        ledger.Should().HaveCount(3).And.OnlyContain(d => d.Channel == "none" && d.Error!.Contains("no email channel"));
        metrics.Undeliverable.Should().Be(3);
        logs.Lines.Should().ContainSingle(line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("undeliverable"), "the contact is warned about once an hour");
        foreach (var n in queued)
        {
            (await store.FindOutboxEntryAsync(n.DeliveryId))!.AbandonedAt.Should().NotBeNull("an undeliverable notification is not tried again");
        }
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _folder.Dispose();
    }

    /// <summary>A new store on the test's one file, as another node (or the same node after a restart) opens it.</summary>
    private SqliteStore Node()
    {
        var store = SqliteStore.Open(_folder.DatabasePath);
        _stores.Add(store);
        return store;
    }

    private static NotificationSettings Settings(WebhookListener listener, double drainSeconds = 10, double firstRetrySeconds = 30, int maxRounds = 8) =>
        OutboxRig.Settings(listener, drainSeconds, firstRetrySeconds, maxRounds);

    private static NotificationDispatcher Dispatcher(SqliteStore store, NotificationSettings settings, ServerMetrics? metrics = null) =>
        OutboxRig.Dispatcher(store, store, settings, metrics);

    /// <summary>A started dispatcher whose delivery loop is known to run: one notification has reached the listener.</summary>
    private static async Task<NotificationDispatcher> RunningAsync(SqliteStore store, WebhookListener listener, NotificationSettings settings)
    {
        var dispatcher = Dispatcher(store, settings);
        await dispatcher.StartAsync(CancellationToken.None);
        var probe = Firing(0);
        await dispatcher.EnqueueAsync([probe], CancellationToken.None);
        (await listener.NextAsync()).DeliveryId.Should().Be(probe.DeliveryId);
        await WaitUntilAsync(async () => (await store.FindOutboxEntryAsync(probe.DeliveryId))!.DeliveredAt is not null);
        return dispatcher;
    }

    private static async Task<List<OutboxEntry>> UndeliveredAsync(INotificationOutbox outbox, IEnumerable<Notification> notifications)
    {
        var left = new List<OutboxEntry>();
        foreach (var n in notifications)
        {
            if (await outbox.FindOutboxEntryAsync(n.DeliveryId) is { DeliveredAt: null } entry)
            {
                left.Add(entry);
            }
        }

        return left;
    }

    private static Task WaitUntilAsync(Func<Task<bool>> done) => OutboxRig.WaitUntilAsync(done);

    private static Notification Firing(int i) => OutboxRig.Firing(i);

    /// <summary>An outbox whose store is down for the first write, then answers.</summary>
    private sealed class OutboxDownOnce(INotificationOutbox inner) : INotificationOutbox
    {
        private int _writes;

        public Task<int> EnqueueAsync(IReadOnlyList<Notification> notifications, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _writes) == 1
                ? throw new InvalidOperationException("The store is down.")
                : inner.EnqueueAsync(notifications, now, cancellationToken);

        public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(OutboxClaim claim, CancellationToken cancellationToken = default) => inner.ClaimAsync(claim, cancellationToken);

        public Task<bool> MarkDeliveredAsync(string deliveryId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.MarkDeliveredAsync(deliveryId, at, cancellationToken);

        public Task<bool> RescheduleAsync(string deliveryId, string claimant, DateTimeOffset dueAt, string error, CancellationToken cancellationToken = default) =>
            inner.RescheduleAsync(deliveryId, claimant, dueAt, error, cancellationToken);

        public Task<bool> AbandonAsync(string deliveryId, string claimant, DateTimeOffset at, string error, CancellationToken cancellationToken = default) =>
            inner.AbandonAsync(deliveryId, claimant, at, error, cancellationToken);

        public Task<OutboxEntry?> FindOutboxEntryAsync(string deliveryId, CancellationToken cancellationToken = default) =>
            inner.FindOutboxEntryAsync(deliveryId, cancellationToken);
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No channel is configured; nothing is posted.");
    }
}

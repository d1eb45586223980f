using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Metrics;
using Surgewatch.Server.Notifications;

namespace Surgewatch.Server.FunctionalTests.Notifications;

/// <summary>Dispatchers over a real outbox, with quick polls and a webhook that tries once per round, and what the tests check with them.</summary>
internal static class OutboxRig
{
    public static NotificationSettings Settings(WebhookListener listener, double drainSeconds = 10, double firstRetrySeconds = 30, int maxRounds = 8, string? node = null)
    {
        var settings = new NotificationSettings { DrainSeconds = drainSeconds };
        settings.Webhook.Url = listener.Url;
        settings.Webhook.Secret = "a-secret-of-sixteen-or-more";
        settings.Webhook.MaxAttempts = 1;
        settings.Outbox.FirstRetrySeconds = firstRetrySeconds;
        settings.Outbox.MaxRounds = maxRounds;
        settings.Outbox.PollSeconds = 0.05;
        settings.Outbox.NodeId = node;
        return settings;
    }

    public static NotificationDispatcher Dispatcher(INotificationOutbox outbox, INotificationLog log, NotificationSettings settings, ServerMetrics? metrics = null) =>
        new(Options.Create(settings), log, outbox, new PlainClients(), metrics ?? new ServerMetrics(), TimeProvider.System, NullLogger<NotificationDispatcher>.Instance);

    public static Notification Firing(int i) =>
        new($"density-alarm/zone-{i}", "density-alarm", $"zone-{i}", "operators", NotificationKind.Firing, NotificationReason.Changed,
            new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), 4.2);

    /// <summary>
    /// Waits up to 30 s for <paramref name="done"/> (it returns once done; a loaded CI machine can hold the dispatchers up
    /// for seconds); the caller's assertions say what was not reached.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> done)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await done() && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Two nodes, each a dispatcher on its own store of one database, one notification claimed at a time: notifications
    /// written to the outbox behind their backs (as a third node would) are each sent once, and all are delivered.
    /// </summary>
    public static async Task TwoNodesSendEachOnceAsync(WebhookListener listener, IOutboxNode a, IOutboxNode b)
    {
        const int Count = 40;
        var nodes = new[] { (Node: a, Name: "node-a"), (Node: b, Name: "node-b") };
        var dispatchers = nodes.Select(n =>
        {
            var settings = Settings(listener, node: n.Name);
            settings.Outbox.BatchSize = 1;
            return Dispatcher(n.Node.Outbox, n.Node.Log, settings);
        }).ToList();
        foreach (var dispatcher in dispatchers)
        {
            await dispatcher.StartAsync(CancellationToken.None);
        }

        var queued = Enumerable.Range(1, Count).Select(Firing).ToList();
        await a.Outbox.EnqueueAsync(queued, TimeProvider.System.GetUtcNow());
        await WaitUntilAsync(async () => (await a.Log.ListDeliveriesAsync(DateTimeOffset.MinValue, 2 * Count)).Count >= Count);
        var received = await listener.DrainAsync(TimeSpan.FromMilliseconds(500));
        foreach (var dispatcher in dispatchers)
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        received.Select(r => r.DeliveryId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(queued.Select(n => n.DeliveryId));
        foreach (var n in queued)
        {
            (await b.Outbox.FindOutboxEntryAsync(n.DeliveryId))!.Should().Match<OutboxEntry>(e => e.DeliveredAt != null && e.Claims == 1);
        }
    }

    private sealed class PlainClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}

/// <summary>One node's view of the shared store: its outbox and its ledger (one store object, opened by that node).</summary>
internal interface IOutboxNode
{
    INotificationOutbox Outbox { get; }

    INotificationLog Log { get; }
}

/// <summary>A node whose store implements both ports.</summary>
internal sealed record StoreNode<T>(T Store) : IOutboxNode
    where T : INotificationOutbox, INotificationLog
{
    public INotificationOutbox Outbox => Store;

    public INotificationLog Log => Store;
}

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Metrics;
using Surgewatch.Server.Notifications;

namespace Surgewatch.Server.FunctionalTests.Alerts;

public sealed class NotificationDispatcherTests
{
    private const int Queued = 20;

    [Fact]
    public async Task StopAsync_NotificationsStillQueued_DeliversThemBeforeStopping()
    {
        using var listener = new WebhookListener();
        var log = new LedgerInMemory();
        using var dispatcher = await RunningAsync(listener, log, drainSeconds: 10);

        dispatcher.Enqueue([.. Enumerable.Range(1, Queued).Select(Firing)]);
        await dispatcher.StopAsync(CancellationToken.None);

        log.Delivered.Should().Be(1 + Queued, "the queue is drained on stop, not dropped");
        for (var i = 0; i < Queued; i++)
        {
            (await listener.NextAsync()).Body.Should().Contain("\"alertKey\"");
        }
    }

    [Fact]
    public async Task StopAsync_NoDrainTime_LeavesTheQueueUndelivered()
    {
        using var listener = new WebhookListener();
        var log = new LedgerInMemory();
        using var dispatcher = await RunningAsync(listener, log, drainSeconds: 0);

        dispatcher.Enqueue([.. Enumerable.Range(1, Queued).Select(Firing)]);
        await dispatcher.StopAsync(CancellationToken.None);

        log.Delivered.Should().BeLessThan(1 + Queued, "with no drain time what is left when the stop comes is not sent");
    }

    [Fact]
    public async Task Deliver_ContactWithoutAChannel_EachRecordedUndeliverableAndCountedWithOneWarningAnHour()
    {
        var log = new LedgerInMemory();
        var metrics = new ServerMetrics();
        var logs = new CapturedLogs();
        using var factory = new Microsoft.Extensions.Logging.LoggerFactory([logs]);
        using var dispatcher = new NotificationDispatcher(
            Options.Create(new NotificationSettings { DrainSeconds = 10 }), log, new PlainClients(), metrics, TimeProvider.System, Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<NotificationDispatcher>(factory));
        await dispatcher.StartAsync(CancellationToken.None);

        dispatcher.Enqueue([Firing(1) with { Contact = "duty@example.org" }, Firing(2) with { Contact = "duty@example.org" }, Firing(3) with { Contact = "duty@example.org" }]);
        for (var wait = 0; wait < 200 && metrics.Undeliverable < 3; wait++)
        {
            await Task.Delay(25);
        }

        await dispatcher.StopAsync(CancellationToken.None);

        log.Undeliverable.Should().HaveCount(3).And.OnlyContain(d => d.Error!.Contains("no email channel"));
        metrics.Undeliverable.Should().Be(3);
        logs.Lines.Should().ContainSingle(line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("undeliverable"), "the contact is warned about once an hour");
    }

    /// <summary>A started dispatcher whose delivery loop is known to run: one notification has reached the listener.</summary>
    private static async Task<NotificationDispatcher> RunningAsync(WebhookListener listener, INotificationLog log, double drainSeconds)
    {
        var settings = new NotificationSettings { DrainSeconds = drainSeconds };
        settings.Webhook.Url = listener.Url;
        settings.Webhook.Secret = "a-secret-of-sixteen-or-more";
        settings.Webhook.MaxAttempts = 1;
        var dispatcher = new NotificationDispatcher(Options.Create(settings), log, new PlainClients(), new ServerMetrics(), TimeProvider.System, NullLogger<NotificationDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        dispatcher.Enqueue([Firing(0)]);
        await listener.NextAsync();
        return dispatcher;
    }

    private static Notification Firing(int i) =>
        new($"density-alarm/zone-{i}", "density-alarm", $"zone-{i}", "operators", NotificationKind.Firing, NotificationReason.Changed,
            new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), 4.2);

    private sealed class PlainClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class LedgerInMemory : INotificationLog
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<NotificationDelivery> _undeliverable = new();
        private int _delivered;

        public int Delivered => Volatile.Read(ref _delivered);

        public IReadOnlyCollection<NotificationDelivery> Undeliverable => _undeliverable;

        public Task AppendDeliveriesAsync(IReadOnlyList<NotificationDelivery> deliveries, CancellationToken cancellationToken = default)
        {
            Interlocked.Add(ref _delivered, deliveries.Count(d => d.Delivered));
            foreach (var delivery in deliveries.Where(d => d.Channel == "none"))
            {
                _undeliverable.Enqueue(delivery);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<NotificationDelivery>> ListDeliveriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<NotificationDelivery>>([]);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Outbox;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Notifications;

/// <summary>The running server's notifications through the outbox: the delivery id on the wire, retries and restarts.</summary>
public sealed class OutboxServerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FiringAlert_ReceiverFailsOnce_RetryCarriesTheSameDeliveryId()
    {
        using var listener = new WebhookListener(failFirst: 1);
        using var server = new ClockedServer(new ManualTime(T0), webhookUrl: listener.Url, extra: Quick(maxAttempts: 3));
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("retry-zone")))).EnsureSuccessStatusCode();

        await FireAsync(server, admin, "retry-zone");
        var failed = await listener.NextAsync();
        var retried = await listener.NextAsync();

        failed.Status.Should().Be(503);
        retried.Status.Should().Be(200);
        failed.DeliveryId.Should().NotBeNullOrEmpty().And.Be(retried.DeliveryId);
        JsonDocument.Parse(retried.Body).RootElement.GetProperty("deliveryId").GetString().Should().Be(retried.DeliveryId, "the signed body names the same id");
        var outbox = server.Services.GetRequiredService<INotificationOutbox>();
        await OutboxRig.WaitUntilAsync(async () => (await outbox.FindOutboxEntryAsync(retried.DeliveryId!))?.DeliveredAt is not null);
        (await outbox.FindOutboxEntryAsync(retried.DeliveryId!))!.DeliveredAt.Should().NotBeNull();
        var ledger = await server.Services.GetRequiredService<INotificationLog>().ListDeliveriesAsync(DateTimeOffset.MinValue, 10);
        ledger.Should().ContainSingle(d => d.Delivered).Which.Notification.DeliveryId.Should().Be(retried.DeliveryId);
    }

    [Fact]
    public async Task Restart_NotificationPlannedButNotDelivered_IsDeliveredOnceAfterTheRestartWithTheSameId()
    {
        using var listener = new WebhookListener { Failing = true };
        var time = new ManualTime(T0);
        string database;
        string deliveryId;
        using (var first = new ClockedServer(time, webhookUrl: listener.Url, extra: Quick(maxAttempts: 1)) { KeepFiles = true })
        {
            database = first.DatabasePath;
            var admin = first.ClientWithKey(ServerFixture.AdminKey);
            (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("down-zone")))).EnsureSuccessStatusCode();
            await FireAsync(first, admin, "down-zone");
            var refused = await listener.NextAsync();
            refused.Status.Should().Be(503, "the receiver is down while the first server runs");
            deliveryId = refused.DeliveryId!;
        }

        await listener.DrainAsync(TimeSpan.FromMilliseconds(200));
        listener.Failing = false;
        using var second = new ClockedServer(time, database, listener.Url, Quick(maxAttempts: 1));
        var outbox = second.Services.GetRequiredService<INotificationOutbox>();

        var delivered = await listener.NextAsync();
        var after = await listener.DrainAsync(TimeSpan.FromSeconds(2));

        delivered.Should().Match<WebhookRequest>(r => r.DeliveryId == deliveryId && r.Status == 200);
        JsonDocument.Parse(delivered.Body).RootElement.GetProperty("zoneId").GetString().Should().Be("down-zone");
        after.Should().BeEmpty("the notification is sent once, and the restored ledger plans no new one");
        (await outbox.FindOutboxEntryAsync(deliveryId)).Should().Match<OutboxEntry>(e => e.DeliveredAt != null && e.Claims >= 2);
    }

    /// <summary>Retries a fraction of a second apart, and a quick look at the outbox, so that a test sees them within seconds.</summary>
    private static Dictionary<string, string?> Quick(int maxAttempts) => new()
    {
        ["Surgewatch:Notifications:Webhook:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Surgewatch:Notifications:Webhook:InitialBackoffSeconds"] = "0.05",
        ["Surgewatch:Notifications:Outbox:FirstRetrySeconds"] = "0.5",
        ["Surgewatch:Notifications:Outbox:PollSeconds"] = "0.1",
    };

    private static async Task FireAsync(ClockedServer server, HttpClient admin, string zone)
    {
        await server.IngestAsync(admin, zone, 300);
        server.Time.Now += TimeSpan.FromMinutes(6);
        await server.IngestAsync(admin, zone, 300);
        (await server.AlertAsync($"density-warning/{zone}"))!.State.Should().Be("firing");
    }
}

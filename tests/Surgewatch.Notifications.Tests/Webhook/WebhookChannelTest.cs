using System.Text.Json;
using Surgewatch.Notifications.Webhook;

namespace Surgewatch.Notifications.Tests.Webhook;

public sealed class WebhookChannelTest : IDisposable
{
    private const string Secret = "0123456789abcdef-secret";
    private readonly HttpClient _http = new();

    [Fact]
    public async Task DeliverAsync_ReceiverAccepts_PostsSignedJsonOnceAndRecordsIt()
    {
        using var receiver = new LocalReceiver([200]);
        var log = new MemoryLog();
        var channel = Channel(receiver, log);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeTrue();
        delivery.Attempts.Should().Be(1);
        log.Deliveries.Should().ContainSingle().Which.Should().Be(delivery);
        var (body, signature, contentType, _) = receiver.Requests.Should().ContainSingle().Subject;
        contentType.Should().StartWith("application/json");
        WebhookSignature.Verify(Secret, signature!, body, TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(5)).Should().BeTrue();
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("alertKey").GetString().Should().Be("density-alarm/plaza");
        json.RootElement.GetProperty("kind").GetString().Should().Be("firing");
        json.RootElement.GetProperty("value").GetDouble().Should().Be(4.2);
    }

    [Fact]
    public async Task DeliverAsync_ServerErrorsThenSuccess_RetriesUntilDelivered()
    {
        using var receiver = new LocalReceiver([503, 500, 200]);
        var channel = Channel(receiver, null);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeTrue();
        delivery.Attempts.Should().Be(3);
        receiver.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task DeliverAsync_ConnectionBrokenWithABareSocketError_RetriesThenRecordsTheFailure()
    {
        // HttpClient lets a bare SocketException out when a connection breaks while it is being set up
        // ("Transport endpoint is not connected"); the channel must count it as a failed attempt and record the
        // delivery that gave up, not throw out of the delivery.
        using var http = new HttpClient(new BrokenConnection());
        var options = new WebhookOptions(new Uri("http://127.0.0.1:9/"), Secret) { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20) };
        var log = new MemoryLog();
        var channel = new WebhookChannel(http, options, TimeProvider.System, log);

        var delivery = await channel.DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeFalse();
        delivery.Attempts.Should().Be(2);
        delivery.Error.Should().Contain("not connected");
        log.Deliveries.Should().ContainSingle().Which.Should().Be(delivery);
    }

    [Fact]
    public async Task DeliverAsync_RetriedAfterServerErrors_EveryAttemptCarriesTheSameDeliveryIdAsTheSignedBody()
    {
        using var receiver = new LocalReceiver([503, 503, 200]);
        var notification = TestNotifications.Firing();

        (await Channel(receiver, null).DeliverAsync(notification)).Delivered.Should().BeTrue();

        receiver.Requests.Should().HaveCount(3).And.OnlyContain(r => r.DeliveryId == notification.DeliveryId);
        using var json = JsonDocument.Parse(receiver.Requests[0].Body);
        json.RootElement.GetProperty("deliveryId").GetString().Should().Be(notification.DeliveryId);
    }

    [Fact]
    public async Task DeliverAsync_AlwaysFailing_GivesUpAfterMaxAttemptsAndRecordsTheFailure()
    {
        using var receiver = new LocalReceiver([502]);
        var log = new MemoryLog();

        var delivery = await Channel(receiver, log).DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeFalse();
        delivery.Attempts.Should().Be(4);
        delivery.Error.Should().Contain("HTTP 502");
        log.Deliveries.Should().ContainSingle().Which.Delivered.Should().BeFalse();
    }

    [Fact]
    public async Task DeliverAsync_ClientError_DoesNotRetry()
    {
        using var receiver = new LocalReceiver([400]);

        var delivery = await Channel(receiver, null).DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeFalse();
        delivery.Attempts.Should().Be(1);
    }

    [Fact]
    public async Task DeliverAsync_SlowReceiver_TimesOutAndRetries()
    {
        using var receiver = new LocalReceiver([200], delay: TimeSpan.FromSeconds(2));
        var options = new WebhookOptions(receiver.Url, Secret) { MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromMilliseconds(200) };

        var delivery = await new WebhookChannel(_http, options, TimeProvider.System).DeliverAsync(TestNotifications.Firing());

        delivery.Delivered.Should().BeFalse();
        delivery.Attempts.Should().Be(2);
        delivery.Error.Should().Contain("no answer");
    }

    [Theory]
    [InlineData(1, 0.0, 100)]
    [InlineData(1, 1.0, 200)]
    [InlineData(3, 1.0, 800)]
    [InlineData(10, 1.0, 1000)]
    public void Backoff_RetryAndJitter_DoublesUpToTheCapWithinHalfToFull(int retry, double jitter, int expectedMs)
    {
        var options = new WebhookOptions(new Uri("http://127.0.0.1/"), Secret) { InitialBackoff = TimeSpan.FromMilliseconds(200), MaxBackoff = TimeSpan.FromSeconds(1) };
        var channel = new WebhookChannel(_http, options, TimeProvider.System, jitter: () => jitter);

        channel.Backoff(retry).TotalMilliseconds.Should().BeApproximately(expectedMs, 1e-6);
    }

    [Fact]
    public void Verify_TamperedBodyOrOldTimestamp_IsRejected()
    {
        var now = new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
        var body = "{\"a\":1}"u8.ToArray();
        var header = WebhookSignature.Sign(Secret, now.ToUnixTimeSeconds(), body);

        WebhookSignature.Verify(Secret, header, body, now, TimeSpan.FromMinutes(5)).Should().BeTrue();
        WebhookSignature.Verify(Secret, header, "{\"a\":2}"u8, now, TimeSpan.FromMinutes(5)).Should().BeFalse();
        WebhookSignature.Verify("another-secret-of-16", header, body, now, TimeSpan.FromMinutes(5)).Should().BeFalse();
        WebhookSignature.Verify(Secret, header, body, now.AddMinutes(10), TimeSpan.FromMinutes(5)).Should().BeFalse();
    }

    [Fact]
    public void Options_ShortSecret_AreRejected()
    {
        var act = () => new WebhookOptions(new Uri("http://127.0.0.1/"), "short").Validated();

        act.Should().Throw<ArgumentException>().WithMessage("*16 characters*");
    }

    public void Dispose() => _http.Dispose();

    private sealed class BrokenConnection : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected);
    }

    private WebhookChannel Channel(LocalReceiver receiver, MemoryLog? log)
    {
        var options = new WebhookOptions(receiver.Url, Secret) { MaxAttempts = 4, InitialBackoff = TimeSpan.FromMilliseconds(5), MaxBackoff = TimeSpan.FromMilliseconds(20) };
        return new WebhookChannel(_http, options, TimeProvider.System, log);
    }
}

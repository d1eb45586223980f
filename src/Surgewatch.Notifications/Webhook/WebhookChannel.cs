using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Polly;
using Polly.Retry;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;

namespace Surgewatch.Notifications.Webhook;

/// <summary>
/// Posts each notification as signed JSON (<see cref="WebhookPayload"/>, <see cref="WebhookSignature"/>) to one URL.
/// Server errors (5xx), 408, 429, timeouts and connection failures are retried by a Polly retry pipeline with
/// exponential back-off and jitter (each wait is uniform between half and all of min(max, initial × 2^(attempt − 1)));
/// other 4xx answers fail at once. Every attempt carries the notification's delivery id in
/// <see cref="DeliveryHeader"/> (the body's signed <c>deliveryId</c> holds the same value). Every outcome, failures included, is appended to the notification
/// ledger when one is given.
/// </summary>
public sealed class WebhookChannel : INotificationChannel
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly INotificationLog? _log;
    private readonly Func<double> _jitter;
    private readonly ResiliencePipeline<Attempt> _retry;

    /// <summary>Creates the channel.</summary>
    /// <param name="http">The client to post with (its own timeout is not used; see <see cref="WebhookOptions.AttemptTimeout"/>).</param>
    /// <param name="options">Where and how to post.</param>
    /// <param name="time">The clock, for signatures and back-off.</param>
    /// <param name="log">The notification ledger, or null.</param>
    /// <param name="jitter">A source of uniform numbers in [0, 1) (default: a shared random source).</param>
    public WebhookChannel(HttpClient http, WebhookOptions options, TimeProvider time, INotificationLog? log = null, Func<double>? jitter = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log;
        _jitter = jitter ?? Random.Shared.NextDouble;
        var pipeline = new ResiliencePipelineBuilder<Attempt> { TimeProvider = time };
        if (_options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new RetryStrategyOptions<Attempt>
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Done: false }),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Backoff(args.AttemptNumber + 1)),
            });
        }

        _retry = pipeline.Build();
    }

    /// <inheritdoc />
    public string Name => "webhook";

    /// <inheritdoc />
    public async Task<NotificationDelivery> DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = WebhookPayload.Serialize(notification);
        var attempts = 0;
        var last = await _retry.ExecuteAsync(
            async token =>
            {
                attempts++;
                return await AttemptAsync(body, notification.DeliveryId, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return last.Done
            ? await RecordAsync(notification, last.Error is null, attempts, last.Error, cancellationToken).ConfigureAwait(false)
            : await RecordAsync(notification, false, attempts, $"gave up after {attempts} attempts: {last.Error}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    internal TimeSpan Backoff(int retry)
    {
        var exponential = _options.InitialBackoff * Math.Pow(2, retry - 1);
        var capped = exponential > _options.MaxBackoff ? _options.MaxBackoff : exponential;
        return capped * (0.5 + (0.5 * _jitter()));
    }

    // Done means do not retry: success when Error is null, or a permanent failure.
    private async ValueTask<Attempt> AttemptAsync(byte[] body, string deliveryId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookOptions.SignatureHeader, WebhookSignature.Sign(_options.Secret, _time.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.TryAddWithoutValidation(DeliveryHeader.Name, deliveryId);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new Attempt(true, null);
            }

            var retry = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new Attempt(!retry, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Attempt(false, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (Exception e) when (e is HttpRequestException or SocketException)
        {
            // HttpClient lets a bare socket error out when a connection breaks while it is set up.
            return new Attempt(false, e.Message);
        }
    }

    private async Task<NotificationDelivery> RecordAsync(Notification n, bool delivered, int attempts, string? error, CancellationToken cancellationToken)
    {
        var delivery = new NotificationDelivery(n, Name, _time.GetUtcNow(), delivered, attempts, error);
        if (_log is not null)
        {
            await _log.AppendDeliveriesAsync([delivery], cancellationToken).ConfigureAwait(false);
        }

        return delivery;
    }

    private readonly record struct Attempt(bool Done, string? Error);
}

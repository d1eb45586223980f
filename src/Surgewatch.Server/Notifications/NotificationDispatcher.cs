using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;
using Surgewatch.Notifications.Email;
using Surgewatch.Notifications.Webhook;

namespace Surgewatch.Server.Notifications;

/// <summary>
/// Delivers the monitor's planned notifications in the background, so that retries never hold up the monitor loop: the
/// monitor enqueues, this service sends through the configured channels, which record each delivery or failure in the
/// <see cref="INotificationLog"/>. When the host stops, the notifications already queued are still delivered for up to
/// <see cref="NotificationSettings.DrainSeconds"/> (the ledger restored at the next start counts them as sent, so they
/// would not be planned again); any left after that are logged as lost, with their count.
/// </summary>
internal sealed class NotificationDispatcher : BackgroundService
{
    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly INotificationChannel? _webhook;
    private readonly INotificationChannel? _email;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly INotificationLog _log;
    private readonly Metrics.ServerMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _drain;
    private readonly Dictionary<string, (DateTimeOffset At, int Since)> _warned = new(StringComparer.Ordinal);

    public NotificationDispatcher(
        IOptions<NotificationSettings> settings, INotificationLog log, IHttpClientFactory http, Metrics.ServerMetrics metrics, TimeProvider clock, ILogger<NotificationDispatcher> logger)
    {
        _logger = logger;
        _log = log;
        _metrics = metrics;
        _clock = clock;
        var s = settings.Value;
        _drain = TimeSpan.FromSeconds(Math.Max(0, s.DrainSeconds));
        if (!string.IsNullOrWhiteSpace(s.Webhook.Url))
        {
            var options = new WebhookOptions(new Uri(s.Webhook.Url), s.Webhook.Secret ?? string.Empty)
            {
                MaxAttempts = s.Webhook.MaxAttempts,
                InitialBackoff = TimeSpan.FromSeconds(s.Webhook.InitialBackoffSeconds),
            };
            _webhook = new WebhookChannel(http.CreateClient("webhook"), options, TimeProvider.System, log);
        }

        if (!string.IsNullOrWhiteSpace(s.Smtp.Host))
        {
            var options = new EmailOptions(s.Smtp.Host, s.Smtp.Port, s.Smtp.From)
            {
                EnableSsl = s.Smtp.EnableSsl, UserName = s.Smtp.UserName, Password = s.Smtp.Password,
            };
            _email = new EmailChannel(options.Validated(), TimeProvider.System, log);
        }
    }

    /// <summary>Queues <paramref name="notifications"/> for delivery; returns at once.</summary>
    public void Enqueue(IReadOnlyList<Notification> notifications)
    {
        foreach (var notification in notifications)
        {
            _queue.Writer.TryWrite(notification);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Deliveries, the one in flight included, may run on for the drain time after the host asks to stop.
        using var deliveries = new CancellationTokenSource();
        await using var stopping = stoppingToken.Register(() => deliveries.CancelAfter(_drain));
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(notification, deliveries.Token);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliver what is queued already, below.
        }

        var lost = 0;
        while (_queue.Reader.TryRead(out var notification))
        {
            if (deliveries.IsCancellationRequested)
            {
                lost++;
                continue;
            }

            await DeliverAsync(notification, deliveries.Token);
        }

        if (lost > 0)
        {
            _logger.LogWarning("{Count} queued notifications were not delivered within {Seconds} s of shutdown and are lost", lost, _drain.TotalSeconds);
        }
    }

    private async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        var channel = notification.Contact.Contains('@', StringComparison.Ordinal) ? _email : _webhook;
        if (channel is null)
        {
            await RecordUndeliverableAsync(notification, cancellationToken);
            return;
        }

        try
        {
            var delivery = await channel.DeliverAsync(notification, cancellationToken);
            if (!delivery.Delivered)
            {
                _logger.LogWarning("Notification {Kind} of {Alert} to {Contact} via {Channel} failed after {Attempts} attempts: {Error}",
                    notification.Kind, notification.AlertKey, notification.Contact, channel.Name, delivery.Attempts, delivery.Error);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Notification {Kind} of {Alert} to {Contact} was cut off by shutdown", notification.Kind, notification.AlertKey, notification.Contact);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Delivering notification of {Alert} via {Channel} failed", notification.AlertKey, channel.Name);
        }
    }

    /// <summary>
    /// A notification whose contact has no channel configured (an e-mail contact without SMTP, any other without a
    /// webhook) is not dropped in silence: it goes to the ledger as undeliverable, to the log as a warning and to the
    /// metric <c>surgewatch_notifications_undeliverable_total</c>, so a missing channel is seen before it matters.
    /// The warning is written once per contact and hour (with the count since the last one), so a busy hour without a
    /// channel does not flood the log; every notification is in the ledger and the metric.
    /// </summary>
    private async Task RecordUndeliverableAsync(Notification notification, CancellationToken cancellationToken)
    {
        var wanted = notification.Contact.Contains('@', StringComparison.Ordinal) ? "email" : "webhook";
        _metrics.CountUndeliverable();
        var now = _clock.GetUtcNow();
        if (!_warned.TryGetValue(notification.Contact, out var last) || now - last.At >= TimeSpan.FromHours(1))
        {
            _logger.LogWarning("No {Channel} channel is configured for contact {Contact}; notification {Kind} of {Alert} is undeliverable ({Since} more since the last warning; see the notification ledger)",
                wanted, notification.Contact, notification.Kind, notification.AlertKey, last.Since);
            _warned[notification.Contact] = (now, 0);
        }
        else
        {
            _warned[notification.Contact] = last with { Since = last.Since + 1 };
        }

        try
        {
            var delivery = new NotificationDelivery(notification, "none", _clock.GetUtcNow(), false, 0, $"no {wanted} channel is configured for this contact");
            await _log.AppendDeliveriesAsync([delivery], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Could not record the undeliverable notification of {Alert}", notification.AlertKey);
        }
    }
}

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
/// <see cref="INotificationLog"/>.
/// </summary>
internal sealed class NotificationDispatcher : BackgroundService
{
    private readonly Channel<Notification> _queue = Channel.CreateUnbounded<Notification>(new UnboundedChannelOptions { SingleReader = true });
    private readonly INotificationChannel? _webhook;
    private readonly INotificationChannel? _email;
    private readonly ILogger<NotificationDispatcher> _logger;

    public NotificationDispatcher(IOptions<NotificationSettings> settings, INotificationLog log, IHttpClientFactory http, ILogger<NotificationDispatcher> logger)
    {
        _logger = logger;
        var s = settings.Value;
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
        try
        {
            await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(notification, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: undelivered notifications are planned again from the restored ledger's state.
        }
    }

    private async Task DeliverAsync(Notification notification, CancellationToken cancellationToken)
    {
        var channel = notification.Contact.Contains('@', StringComparison.Ordinal) ? _email : _webhook;
        if (channel is null)
        {
            _logger.LogDebug("No channel is configured for contact {Contact}; notification {Kind} of {Alert} not sent", notification.Contact, notification.Kind, notification.AlertKey);
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
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Delivering notification of {Alert} via {Channel} failed", notification.AlertKey, channel.Name);
        }
    }
}

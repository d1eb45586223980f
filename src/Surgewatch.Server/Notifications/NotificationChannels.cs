using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;
using Surgewatch.Notifications.Email;
using Surgewatch.Notifications.Webhook;

namespace Surgewatch.Server.Notifications;

/// <summary>
/// The channels configured in <see cref="NotificationSettings"/>: a contact with '@' is e-mailed, any other goes to the
/// webhook. Each channel records its deliveries and failures in the notification ledger.
/// </summary>
internal sealed class NotificationChannels
{
    private readonly INotificationChannel? _webhook;
    private readonly INotificationChannel? _email;

    public NotificationChannels(NotificationSettings settings, INotificationLog log, IHttpClientFactory http)
    {
        if (!string.IsNullOrWhiteSpace(settings.Webhook.Url))
        {
            var options = new WebhookOptions(new Uri(settings.Webhook.Url), settings.Webhook.Secret ?? string.Empty)
            {
                MaxAttempts = settings.Webhook.MaxAttempts,
                InitialBackoff = TimeSpan.FromSeconds(settings.Webhook.InitialBackoffSeconds),
            }.Validated();
            _webhook = new WebhookChannel(http.CreateClient("webhook"), options, TimeProvider.System, log);
            LongestRound = LongestWebhookRound(options);
        }

        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var options = new EmailOptions(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.From)
            {
                EnableSsl = settings.Smtp.EnableSsl, UserName = settings.Smtp.UserName, Password = settings.Smtp.Password,
            }.Validated();
            _email = new EmailChannel(options, TimeProvider.System, log);
            LongestRound = options.Timeout > LongestRound ? options.Timeout : LongestRound;
        }
    }

    /// <summary>The longest one delivery round can take on any configured channel, its retries included.</summary>
    public TimeSpan LongestRound { get; }

    /// <summary>The channel for <paramref name="contact"/>, or null when the one it needs is not configured.</summary>
    public INotificationChannel? For(string contact) => IsEmail(contact) ? _email : _webhook;

    /// <summary>The name of the channel <paramref name="contact"/> needs: <c>email</c> or <c>webhook</c>.</summary>
    public static string Wanted(string contact) => IsEmail(contact) ? "email" : "webhook";

    private static bool IsEmail(string contact) => contact.Contains('@', StringComparison.Ordinal);

    // Every attempt may run to its timeout, and each retry waits at most the full back-off (jitter takes half to all of it).
    private static TimeSpan LongestWebhookRound(WebhookOptions options)
    {
        var total = options.AttemptTimeout * options.MaxAttempts;
        var wait = options.InitialBackoff;
        for (var retry = 1; retry < options.MaxAttempts; retry++)
        {
            total += wait < options.MaxBackoff ? wait : options.MaxBackoff;
            wait += wait;
        }

        return total;
    }
}

using System.Net;
using System.Net.Mail;
using Surgewatch.Core.Alerting;
using Surgewatch.Notifications.Delivery;

namespace Surgewatch.Notifications.Email;

/// <summary>
/// Sends each notification as a plain-text e-mail over SMTP (System.Net.Mail) to the notification's contact, which
/// must be an e-mail address, with the delivery id in an <c>X-Surgewatch-Delivery</c> header. One attempt: the SMTP
/// relay queues and retries on its side. The outcome is appended to the notification ledger when one is given.
/// </summary>
public sealed class EmailChannel(EmailOptions options, TimeProvider time, INotificationLog? log = null) : INotificationChannel
{
    private readonly EmailOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Validated();

    /// <inheritdoc />
    public string Name => "email";

    /// <inheritdoc />
    public async Task<NotificationDelivery> DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        string? error = null;
        try
        {
            using var message = new MailMessage(_options.From, notification.Contact, NotificationText.Subject(notification), NotificationText.Body(notification));
            message.Headers.Add(DeliveryHeader.Name, notification.DeliveryId);
            using var client = Client();
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmtpException or FormatException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            error = e is FormatException ? $"'{notification.Contact}' is not an e-mail address" : e.Message;
        }

        var delivery = new NotificationDelivery(notification, Name, time.GetUtcNow(), error is null, 1, error);
        if (log is not null)
        {
            await log.AppendDeliveriesAsync([delivery], cancellationToken).ConfigureAwait(false);
        }

        return delivery;
    }

    private SmtpClient Client()
    {
        var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = _options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)_options.Timeout.TotalMilliseconds,
        };
        if (_options.UserName is not null)
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        return client;
    }
}

using Surgewatch.Core.Alerting;

namespace Surgewatch.Server.Notifications;

/// <summary>
/// A notification whose contact has no channel configured (an e-mail contact without SMTP, any other without a
/// webhook) is not dropped in silence: it goes to the ledger as undeliverable, to the log as a warning and to the
/// metric <c>surgewatch_notifications_undeliverable_total</c>, so a missing channel is seen before it matters.
/// The warning is written once per contact and hour (with the count since the last one), so a busy hour without a
/// channel does not flood the log; every notification is in the ledger and the metric.
/// </summary>
internal sealed class UndeliverableNotifications(INotificationLog log, Metrics.ServerMetrics metrics, TimeProvider clock, ILogger logger)
{
    private readonly Dictionary<string, (DateTimeOffset At, int Since)> _warned = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="notification"/> as undeliverable; returns the reason, for the outbox.</summary>
    public async Task<string> RecordAsync(Notification notification, CancellationToken cancellationToken)
    {
        var wanted = NotificationChannels.Wanted(notification.Contact);
        var reason = $"no {wanted} channel is configured for this contact";
        metrics.CountUndeliverable();
        Warn(notification, wanted);
        try
        {
            var delivery = new NotificationDelivery(notification, "none", clock.GetUtcNow(), false, 0, reason);
            await log.AppendDeliveriesAsync([delivery], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not record the undeliverable notification of {Alert}", notification.AlertKey);
        }

        return reason;
    }

    private void Warn(Notification notification, string wanted)
    {
        var now = clock.GetUtcNow();
        if (!_warned.TryGetValue(notification.Contact, out var last) || now - last.At >= TimeSpan.FromHours(1))
        {
            logger.LogWarning("No {Channel} channel is configured for contact {Contact}; notification {Kind} of {Alert} is undeliverable ({Since} more since the last warning; see the notification ledger)",
                wanted, notification.Contact, notification.Kind, notification.AlertKey, last.Since);
            _warned[notification.Contact] = (now, 0);
        }
        else
        {
            _warned[notification.Contact] = last with { Since = last.Since + 1 };
        }
    }
}

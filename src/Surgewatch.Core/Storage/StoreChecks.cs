using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;

namespace Surgewatch.Core.Storage;

/// <summary>
/// What every store adapter refuses before it writes anything, with the same message whatever the database: the
/// rows a table could hold but no reader could make sense of.
/// </summary>
public static class StoreChecks
{
    /// <summary>The length of the SHA-256 hash that an <see cref="ApiKey"/> carries instead of its secret.</summary>
    public const int SecretHashBytes = 32;

    /// <summary>Throws <see cref="ArgumentException"/> for an alert event without a key, rule or subject, or with an unknown state.</summary>
    public static void Check(AlertEvent alertEvent)
    {
        ArgumentNullException.ThrowIfNull(alertEvent);
        if (string.IsNullOrEmpty(alertEvent.AlertKey) || string.IsNullOrEmpty(alertEvent.RuleId) || alertEvent.Subject is null)
        {
            throw new ArgumentException($"An alert event needs an alert key and a rule id (got key '{alertEvent.AlertKey}', rule '{alertEvent.RuleId}').", nameof(alertEvent));
        }

        if (!Enum.IsDefined(alertEvent.State))
        {
            throw new ArgumentOutOfRangeException(nameof(alertEvent), alertEvent.State, $"Alert '{alertEvent.AlertKey}' has an unknown state.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a notification without a delivery id, alert key, rule or contact, or with an unknown kind or reason.</summary>
    public static void Check(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrEmpty(notification.DeliveryId) || string.IsNullOrEmpty(notification.AlertKey) || string.IsNullOrEmpty(notification.RuleId)
            || notification.Subject is null || string.IsNullOrEmpty(notification.Contact))
        {
            throw new ArgumentException($"A notification needs a delivery id, an alert key, a rule id and a contact (got id '{notification.DeliveryId}', key '{notification.AlertKey}', contact '{notification.Contact}').", nameof(notification));
        }

        if (!Enum.IsDefined(notification.Kind) || !Enum.IsDefined(notification.Reason))
        {
            throw new ArgumentOutOfRangeException(nameof(notification), $"Notification '{notification.DeliveryId}' of alert '{notification.AlertKey}' has an unknown kind ({notification.Kind}) or reason ({notification.Reason}).");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for an audit entry without an actor, an action or a target.</summary>
    public static void Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Actor) || string.IsNullOrWhiteSpace(entry.Action) || entry.Target is null)
        {
            throw new ArgumentException($"An audit entry needs an actor, an action and a target (got actor '{entry.Actor}', action '{entry.Action}').", nameof(entry));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for an API key without an id or name, with an unknown role, or without a SHA-256 hash.</summary>
    public static void Check(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(key.Id, nameof(key));
        ArgumentNullException.ThrowIfNull(key.Name, nameof(key));
        if (!Enum.IsDefined(key.Role))
        {
            throw new ArgumentOutOfRangeException(nameof(key), key.Role, $"API key '{key.Id}' has an unknown role.");
        }

        if (key.SecretHash is not { Length: SecretHashBytes })
        {
            throw new ArgumentException($"API key '{key.Id}' must carry a {SecretHashBytes}-byte SHA-256 hash of its secret.", nameof(key));
        }
    }
}

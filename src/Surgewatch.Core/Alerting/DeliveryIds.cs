using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Surgewatch.Core.Alerting;

/// <summary>
/// Makes the delivery id of a <see cref="Notification"/>: a name-based UUID (RFC 9562 version 8, from SHA-256) of
/// the alert key, the contact, the kind, the reason and the notification's <em>turn</em>, the point in the alert's
/// ledger it was planned from. The id is a pure function of what was planned, so it is the same on every retry, after
/// a restart and on whichever node sends it; a receiver that keeps the ids it has seen drops repeats.
/// </summary>
/// <remarks>
/// <para>The turns the <see cref="NotificationPlanner"/> gives:</para>
/// <list type="bullet">
/// <item>A notification told to the contacts reached (news, reminder, deferred, all-clear): the time of the alert's
/// previous notification (<see cref="NotificationLedger.LastSentAt"/> before the plan), which every such notification
/// moves on; for an alert that has never notified, the planned time itself.</item>
/// <item>An escalation: the start of the episode and the step's index in the chain.</item>
/// </list>
/// <para>So a node that planned a notification and died before its alert's ledger was saved plans it again from the
/// same saved ledger, with the same id, and the outbox keeps the first one only. The one exception is an alert's very
/// first notification, whose turn is the time it was planned: planned again later, it gets a new id.</para>
/// </remarks>
public static class DeliveryIds
{
    /// <summary>The delivery id for the given notification fields and turn, as a lowercase UUID string.</summary>
    public static string Of(string alertKey, string contact, NotificationKind kind, NotificationReason reason, string turn)
    {
        ArgumentNullException.ThrowIfNull(alertKey);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(turn);

        // Each part is length-prefixed, so no choice of key or contact can make two different notifications read alike.
        var name = string.Create(CultureInfo.InvariantCulture, $"{Part(alertKey)}{Part(contact)}{(int)kind}|{(int)reason}|{Part(turn)}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom (name-based, SHA-256)
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // variant: RFC 9562
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }

    /// <summary>The turn of a notification told after the alert's previous one at <paramref name="lastSentAt"/>, or, for an alert never told, at <paramref name="now"/>.</summary>
    public static string TurnAfter(DateTimeOffset? lastSentAt, DateTimeOffset now) =>
        lastSentAt is { } last
            ? string.Create(CultureInfo.InvariantCulture, $"after:{last.UtcTicks}")
            : string.Create(CultureInfo.InvariantCulture, $"first:{now.UtcTicks}");

    /// <summary>The turn of escalation step <paramref name="step"/> (0-based) of the episode that started at <paramref name="episodeStartedAt"/>.</summary>
    public static string TurnOfStep(DateTimeOffset episodeStartedAt, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"step:{episodeStartedAt.UtcTicks}:{step}");

    /// <summary>The turn of a notification made by hand (not by the planner): the time it was planned.</summary>
    public static string TurnAt(DateTimeOffset at) => string.Create(CultureInfo.InvariantCulture, $"at:{at.UtcTicks}");

    private static string Part(string text) => string.Create(CultureInfo.InvariantCulture, $"{text.Length}:{text}|");
}

namespace Surgewatch.Core.Alerting;

/// <summary>A message to send to one contact about one alert. Pure data: a channel adapter delivers it.</summary>
/// <param name="AlertKey">The alert.</param>
/// <param name="RuleId">Its rule.</param>
/// <param name="Subject">Its zone or sensor.</param>
/// <param name="Contact">Who to tell.</param>
/// <param name="Kind">What to tell.</param>
/// <param name="Reason">Why now.</param>
/// <param name="At">When it was planned.</param>
/// <param name="Value">The alert's latest value, if any.</param>
/// <remarks>
/// Every notification has a <see cref="DeliveryId"/>: the <see cref="NotificationPlanner"/> sets it from the alert's
/// ledger (<see cref="DeliveryIds"/>); one made by hand gets the id of its own fields and planned time.
/// </remarks>
public sealed record Notification(
    string AlertKey,
    string RuleId,
    string Subject,
    string Contact,
    NotificationKind Kind,
    NotificationReason Reason,
    DateTimeOffset At,
    double? Value)
{
    /// <summary>
    /// The id under which this notification is kept in the outbox and sent (the webhook's <c>X-Surgewatch-Delivery</c>
    /// header): the same on every retry and on every node, so that a receiver can drop a repeat.
    /// </summary>
    public string DeliveryId { get; init; } = DeliveryIds.Of(AlertKey, Contact, Kind, Reason, DeliveryIds.TurnAt(At));
}

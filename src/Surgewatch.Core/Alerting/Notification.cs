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
public sealed record Notification(
    string AlertKey,
    string RuleId,
    string Subject,
    string Contact,
    NotificationKind Kind,
    NotificationReason Reason,
    DateTimeOffset At,
    double? Value);

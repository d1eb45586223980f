namespace Surgewatch.Core.Alerting;

/// <summary>The outcome of planning: the updated ledger and the notifications to deliver now.</summary>
/// <param name="Ledger">The ledger after this step; store it with the alert.</param>
/// <param name="Notifications">What to send now; empty when nothing is due.</param>
public sealed record NotificationPlan(NotificationLedger Ledger, IReadOnlyList<Notification> Notifications);

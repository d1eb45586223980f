namespace Surgewatch.Core.Alerting;

/// <summary>The outcome of delivering one notification through one channel, for the notification ledger.</summary>
/// <param name="Notification">What was sent.</param>
/// <param name="Channel">The channel, such as <c>webhook</c> or <c>email</c>.</param>
/// <param name="At">When delivery finished (succeeded or gave up).</param>
/// <param name="Delivered">Whether it was delivered.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record NotificationDelivery(Notification Notification, string Channel, DateTimeOffset At, bool Delivered, int Attempts, string? Error = null);

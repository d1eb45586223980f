using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Monitoring;

/// <summary>The outcome of one <see cref="ZoneMonitor.Step"/>.</summary>
/// <param name="Events">Alert transitions in this step, to append to the alert history.</param>
/// <param name="Notifications">Messages to deliver now.</param>
/// <param name="Zones">Every zone's status, in the order the zones were given.</param>
public sealed record MonitorStep(IReadOnlyList<AlertEvent> Events, IReadOnlyList<Notification> Notifications, IReadOnlyList<ZoneStatus> Zones);

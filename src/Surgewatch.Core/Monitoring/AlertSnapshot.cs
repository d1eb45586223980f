using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Monitoring;

/// <summary>What must survive a restart for one alert: its lifecycle status and what its contacts were told.</summary>
/// <param name="Status">The alert's status.</param>
/// <param name="Ledger">Its notification ledger.</param>
public sealed record AlertSnapshot(AlertStatus Status, NotificationLedger Ledger);

using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Outbox;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Storage;

/// <summary>
/// A store of record: every store port Core defines, in one. The SQLite and the PostgreSQL stores implement it, and
/// hosts register one store as each of its <see cref="Ports"/>, so a port added here reaches both stores and both
/// registrations at once.
/// </summary>
public interface ISurgewatchStore
    : IObservationStore, IForecastStore, IModelStore, IZoneStore, IAlertStore, IAlertSnapshotStore, ISilenceStore, INotificationLog, INotificationOutbox, IAuditLog, IApiKeyStore, IRoadGraphStore, IZoneBalanceStore, IZoneDensityStore
{
    /// <summary>The ports a store of record is registered as.</summary>
    static IReadOnlyList<Type> Ports { get; } = [.. typeof(ISurgewatchStore).GetInterfaces()];
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed class SqliteObservationStoreTests : ObservationStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override IObservationStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteForecastStoreTests : ForecastStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override IForecastStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteAlertStoreTests : AlertStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override IAlertStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteApiKeyStoreTests : ApiKeyStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Access.IApiKeyStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteZoneStoreTests : ZoneStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Zones.IZoneStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteMonitoringStoreTests : MonitoringStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override object CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteModelStoreTests : ModelStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Forecasting.Persistence.IModelStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteRoadGraphStoreTests : RoadGraphStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override object CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteZoneBalanceStoreTests : ZoneBalanceStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Occupancy.IZoneBalanceStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteZoneDensityStoreTests : ZoneDensityStoreSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Monitoring.IZoneDensityStore CreateStore() => _stores.Open();

    public void Dispose() => _stores.Dispose();
}

public sealed class SqliteNotificationOutboxTests : NotificationOutboxSpecification, IDisposable
{
    private readonly SqliteStores _stores = new();

    protected override Core.Outbox.INotificationOutbox CreateStore() => _stores.Open();

    protected override Core.Outbox.INotificationOutbox OpenAgain(Core.Outbox.INotificationOutbox store) => _stores.Open(((SqliteStore)store).DataSource);

    public void Dispose() => _stores.Dispose();
}

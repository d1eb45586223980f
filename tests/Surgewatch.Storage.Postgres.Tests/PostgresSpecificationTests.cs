using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Storage.Postgres.Tests.Server;
using Surgewatch.Storage.Specification;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Storage.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresObservationStoreTests(PostgresServer server) : ObservationStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IObservationStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresForecastStoreTests(PostgresServer server) : ForecastStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IForecastStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAlertStoreTests(PostgresServer server) : AlertStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IAlertStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresApiKeyStoreTests(PostgresServer server) : ApiKeyStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IApiKeyStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresZoneStoreTests(PostgresServer server) : ZoneStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IZoneStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMonitoringStoreTests(PostgresServer server) : MonitoringStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override object CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresModelStoreTests(PostgresServer server) : ModelStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override IModelStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresRoadGraphStoreTests(PostgresServer server) : RoadGraphStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override object CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresZoneBalanceStoreTests(PostgresServer server) : ZoneBalanceStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override Core.Occupancy.IZoneBalanceStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresZoneDensityStoreTests(PostgresServer server) : ZoneDensityStoreSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);

    protected override Core.Monitoring.IZoneDensityStore CreateStore() => _databases.Open();

    public void Dispose() => _databases.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresNotificationOutboxTests(PostgresServer server) : NotificationOutboxSpecification, IDisposable
{
    private readonly PostgresDatabases _databases = new(server);
    private readonly List<PostgresStore> _again = [];

    protected override Core.Outbox.INotificationOutbox CreateStore() => _databases.Open();

    protected override Core.Outbox.INotificationOutbox OpenAgain(Core.Outbox.INotificationOutbox store)
    {
        var again = PostgresStore.Open(((PostgresStore)store).ConnectionString, PostgresDatabases.TestOptions);
        _again.Add(again);
        return again;
    }

    public void Dispose()
    {
        _again.ForEach(store => store.Dispose());
        _databases.Dispose();
    }
}

using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Postgres;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Server.FunctionalTests.Notifications;

/// <summary>The notification outbox of nodes that share a PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxPostgresTests(PostgresServer postgres) : IDisposable
{
    private readonly List<string> _databases = [];
    private readonly List<PostgresStore> _stores = [];

    [RequiresPostgresFact]
    public async Task Deliver_TwoNodesOnOneDatabase_SendEachNotificationOnce()
    {
        var database = postgres.CreateDatabase();
        _databases.Add(database);
        using var listener = new WebhookListener();

        await OutboxRig.TwoNodesSendEachOnceAsync(listener, Node(database), Node(database));
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        _databases.ForEach(postgres.DropDatabase);
    }

    private StoreNode<PostgresStore> Node(string database)
    {
        var store = PostgresStore.Open(postgres.Uri(database));
        _stores.Add(store);
        return new StoreNode<PostgresStore>(store);
    }
}

using Microsoft.Extensions.Options;
using Surgewatch.Storage.Postgres;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Server.Hosting;

/// <summary>
/// Chooses the store adapter from <see cref="ServerOptions.Database"/>: a <c>postgresql://</c> address means PostgreSQL,
/// anything else is the path of an SQLite file. Each adapter registers itself as every store port.
/// </summary>
internal static class StoreRegistration
{
    public static void Add(IServiceCollection services, string configuredDatabase)
    {
        if (PostgresAddress.IsUri(configuredDatabase))
        {
            services.AddSurgewatchPostgres(
                s => Database(s),
                s => PostgresStoreOptions.Default with { TimeProvider = s.GetRequiredService<TimeProvider>() });
        }
        else
        {
            services.AddSurgewatchSqlite(
                s => Database(s),
                s => SqliteStoreOptions.Default with { TimeProvider = s.GetRequiredService<TimeProvider>() });
        }
    }

    private static string Database(IServiceProvider services) => services.GetRequiredService<IOptions<ServerOptions>>().Value.Database;
}

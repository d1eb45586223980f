using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Storage.Postgres;

/// <summary>Registers the PostgreSQL store of record as every Core store port.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgresStore"/>, opened (and migrated) on first use at the address that <paramref name="address"/> gives, as
    /// <see cref="IObservationStore"/>, <see cref="IForecastStore"/>, <see cref="IModelStore"/>, <see cref="IZoneStore"/>,
    /// <see cref="IAlertStore"/>, <see cref="IAlertSnapshotStore"/>, <see cref="ISilenceStore"/>, <see cref="INotificationLog"/>,
    /// <see cref="IAuditLog"/>, <see cref="IApiKeyStore"/> and <see cref="IRoadGraphStore"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="address"><c>postgresql://USER[:PASSWORD]@HOST:PORT/DB</c> or an Npgsql connection string, read when the store is first needed.</param>
    /// <param name="options">The store's settings, or null for <see cref="PostgresStoreOptions.Default"/>.</param>
    public static IServiceCollection AddSurgewatchPostgres(
        this IServiceCollection services, Func<IServiceProvider, string> address, Func<IServiceProvider, PostgresStoreOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(address);
        services.AddSingleton(s => PostgresStore.Open(address(s), options?.Invoke(s)));
        services.AddSingleton<IObservationStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IForecastStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IModelStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IZoneStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAlertStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAlertSnapshotStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<ISilenceStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<INotificationLog>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAuditLog>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IApiKeyStore>(s => s.GetRequiredService<PostgresStore>());
        services.AddSingleton<IRoadGraphStore>(s => s.GetRequiredService<PostgresStore>());
        return services;
    }

    /// <summary>Registers the PostgreSQL store at <paramref name="address"/>; see the overload taking a function.</summary>
    public static IServiceCollection AddSurgewatchPostgres(this IServiceCollection services, string address, PostgresStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return services.AddSurgewatchPostgres(_ => address, options is null ? null : _ => options);
    }
}

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

namespace Surgewatch.Storage.Sqlite;

/// <summary>Registers the embedded SQLite store as every Core store port.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteStore"/>, opened on first use in the file that <paramref name="path"/> gives, as
    /// <see cref="IObservationStore"/>, <see cref="IForecastStore"/>, <see cref="IModelStore"/>, <see cref="IZoneStore"/>,
    /// <see cref="IAlertStore"/>, <see cref="IAlertSnapshotStore"/>, <see cref="ISilenceStore"/>, <see cref="INotificationLog"/>,
    /// <see cref="IAuditLog"/>, <see cref="IApiKeyStore"/> and <see cref="IRoadGraphStore"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The store file, read when the store is first needed (so it may come from options).</param>
    /// <param name="options">The store's settings, or null for <see cref="SqliteStoreOptions.Default"/>.</param>
    public static IServiceCollection AddSurgewatchSqlite(
        this IServiceCollection services, Func<IServiceProvider, string> path, Func<IServiceProvider, SqliteStoreOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(path);
        services.AddSingleton(s => SqliteStore.Open(path(s), options?.Invoke(s)));
        services.AddSingleton<IObservationStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IForecastStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IModelStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IZoneStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAlertStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAlertSnapshotStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<ISilenceStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<INotificationLog>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAuditLog>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IApiKeyStore>(s => s.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRoadGraphStore>(s => s.GetRequiredService<SqliteStore>());
        return services;
    }

    /// <summary>Registers the SQLite store in the file at <paramref name="path"/>; see the overload taking a function.</summary>
    public static IServiceCollection AddSurgewatchSqlite(this IServiceCollection services, string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return services.AddSurgewatchSqlite(_ => path, options is null ? null : _ => options);
    }
}

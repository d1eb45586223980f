using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Storage;

namespace Surgewatch.Storage.Sqlite;

/// <summary>Registers the embedded SQLite store as every Core store port.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="SqliteStore"/>, opened on first use in the file that <paramref name="path"/> gives, as
    /// each of its ports (<see cref="ISurgewatchStore.Ports"/>).
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
        foreach (var port in ISurgewatchStore.Ports)
        {
            services.AddSingleton(port, s => s.GetRequiredService<SqliteStore>());
        }

        return services;
    }

    /// <summary>Registers the SQLite store in the file at <paramref name="path"/>; see the overload taking a function.</summary>
    public static IServiceCollection AddSurgewatchSqlite(this IServiceCollection services, string path, SqliteStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return services.AddSurgewatchSqlite(_ => path, options is null ? null : _ => options);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Storage;

namespace Surgewatch.Storage.Postgres;

/// <summary>Registers the PostgreSQL store of record as every Core store port.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="PostgresStore"/>, opened (and migrated) on first use at the address that <paramref name="address"/> gives, as
    /// each of its ports (<see cref="ISurgewatchStore.Ports"/>).
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
        foreach (var port in ISurgewatchStore.Ports)
        {
            services.AddSingleton(port, s => s.GetRequiredService<PostgresStore>());
        }

        return services;
    }

    /// <summary>Registers the PostgreSQL store at <paramref name="address"/>; see the overload taking a function.</summary>
    public static IServiceCollection AddSurgewatchPostgres(this IServiceCollection services, string address, PostgresStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return services.AddSurgewatchPostgres(_ => address, options is null ? null : _ => options);
    }
}

using Npgsql;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres.Schema;

/// <summary>
/// Brings a database to <see cref="Migrations.Latest"/> when a store opens it, in one transaction. Nodes that open the
/// same database at once take turns on an advisory lock, so each step runs exactly once.
/// </summary>
internal static class SchemaMigrator
{
    /// <summary>Marks the lock the migrators take ("SWCH").</summary>
    private const long LockKey = 0x53574348;

    public static Task MigrateAsync(NpgsqlConnection connection, string dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        MigrateAsync(connection, dataSource, clock, Migrations.All, cancellationToken);

    /// <summary>Applies the pending steps of <paramref name="migrations"/> (oldest first); refuses a newer schema or a database of another application.</summary>
    internal static async Task MigrateAsync(
        NpgsqlConnection connection, string dataSource, TimeProvider clock, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await RefuseForeignDatabaseAsync(connection, transaction, dataSource, latest, cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version              integer PRIMARY KEY,
                description          text    NOT NULL,
                applied_at_utc_ticks bigint  NOT NULL
            )
            """, cancellationToken);
        var current = (int)await Sql.ScalarInt64Async(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version", cancellationToken);
        if (current > latest)
        {
            throw new SchemaVersionException(
                dataSource,
                current,
                latest,
                $"The database '{dataSource}' has schema version {current}, but this build of Surgewatch knows versions up to {latest}. "
                + "It was written by a newer Surgewatch: upgrade Surgewatch, or use a database restored from before the upgrade.");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version > current)
            {
                await ApplyAsync(connection, transaction, migration, clock, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The version recorded in <c>schema_version</c>.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        (int)await Sql.ScalarInt64Async(connection, null, "SELECT coalesce(max(version), 0) FROM schema_version", cancellationToken);

    private static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, TimeProvider clock, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using var record = new NpgsqlCommand(
            "INSERT INTO schema_version (version, description, applied_at_utc_ticks) VALUES (@v, @d, @t)", connection, transaction);
        record.Parameters.AddWithValue("v", migration.Version);
        record.Parameters.AddWithValue("d", migration.Description);
        record.Parameters.AddWithValue("t", clock.GetUtcNow().UtcTicks);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    // A database whose schema holds tables but no schema_version belongs to something else: never write into it.
    private static async Task RefuseForeignDatabaseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string dataSource, int latest, CancellationToken cancellationToken)
    {
        var tables = await Sql.ScalarInt64Async(connection, transaction, """
            SELECT count(*) FILTER (WHERE table_name <> 'schema_version') * (1 - count(*) FILTER (WHERE table_name = 'schema_version'))
            FROM information_schema.tables WHERE table_schema = current_schema()
            """, cancellationToken);
        if (tables > 0)
        {
            throw new SchemaVersionException(
                dataSource,
                0,
                latest,
                $"The database '{dataSource}' holds {tables} tables but no Surgewatch schema_version: it is not a Surgewatch store. Give Surgewatch a database of its own (CREATE DATABASE surgewatch).");
        }
    }
}

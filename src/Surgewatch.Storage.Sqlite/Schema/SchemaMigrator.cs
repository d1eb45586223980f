using Microsoft.Data.Sqlite;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite.Schema;

/// <summary>Brings a database to <see cref="Migrations.Latest"/> when a store opens it, in one transaction.</summary>
internal static class SchemaMigrator
{
    /// <summary>Applies the pending steps of <see cref="Migrations.All"/>; refuses a newer schema or a database of another application.</summary>
    public static void Migrate(SqliteConnection connection, string dataSource, TimeProvider clock) =>
        Migrate(connection, dataSource, clock, Migrations.All);

    /// <summary>Applies the pending steps of <paramref name="migrations"/> (oldest first) in one transaction.</summary>
    internal static void Migrate(SqliteConnection connection, string dataSource, TimeProvider clock, IReadOnlyList<Migration> migrations)
    {
        var latest = migrations[^1].Version;
        RefuseForeignDatabase(connection, dataSource, latest);
        using var transaction = connection.BeginTransaction();
        Sql.Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version              INTEGER PRIMARY KEY,
                description          TEXT    NOT NULL,
                applied_at_utc_ticks INTEGER NOT NULL
            )
            """);
        var current = CurrentVersion(connection, transaction);
        if (current > latest)
        {
            throw new SchemaVersionException(
                dataSource,
                current,
                latest,
                $"The database '{dataSource}' has schema version {current}, but this build of Surgewatch knows versions up to {latest}. "
                + "It was written by a newer Surgewatch: upgrade Surgewatch, or open a copy made before the upgrade.");
        }

        foreach (var migration in migrations)
        {
            if (migration.Version > current)
            {
                Apply(connection, transaction, migration, clock);
            }
        }

        transaction.Commit();
    }

    /// <summary>The version recorded in <c>schema_version</c>, 0 for a new database.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        (int)Sql.ScalarInt64(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version");

    private static void Apply(SqliteConnection connection, SqliteTransaction transaction, Migration migration, TimeProvider clock)
    {
        Sql.Execute(connection, transaction, migration.Sql);
        using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO schema_version (version, description, applied_at_utc_ticks) VALUES ($v, $d, $t)";
        record.Parameters.AddWithValue("$v", migration.Version);
        record.Parameters.AddWithValue("$d", migration.Description);
        record.Parameters.AddWithValue("$t", clock.GetUtcNow().UtcTicks);
        record.ExecuteNonQuery();
        Sql.Execute(connection, transaction, $"PRAGMA application_id = {Migrations.ApplicationId}");
    }

    private static void RefuseForeignDatabase(SqliteConnection connection, string dataSource, int latest)
    {
        var applicationId = Sql.ScalarInt64(connection, null, "PRAGMA application_id");
        var hasTables = Sql.ScalarInt64(connection, null, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'") > 0;
        if (applicationId == Migrations.ApplicationId || (applicationId == 0 && !hasTables))
        {
            return;
        }

        throw new SchemaVersionException(
            dataSource,
            0,
            latest,
            $"The database '{dataSource}' is not a Surgewatch store (application_id {applicationId:X8}). Point Surgewatch at its own store file, or at a path that does not exist yet.");
    }
}

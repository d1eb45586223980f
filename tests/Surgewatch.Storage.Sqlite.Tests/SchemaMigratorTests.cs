using Microsoft.Data.Sqlite;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Storage.Sqlite.Schema;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed partial class SchemaMigratorTests : IDisposable
{
    private static readonly Migration V1 = new(1, "first", "CREATE TABLE a (x INTEGER)");
    private static readonly Migration V2 = new(2, "second", "ALTER TABLE a ADD COLUMN y TEXT; CREATE TABLE b (z INTEGER)");
    private readonly SqliteStores _stores = new();
    private readonly SqliteConnection _connection;

    public SchemaMigratorTests() => _connection = SqliteStoreTests.RawConnection(_stores.DefaultPath);

    public void Dispose()
    {
        _connection.Dispose();
        _stores.Dispose();
    }

    [Fact]
    public void Migrate_DatabaseAtAnOlderVersion_AppliesOnlyTheNewerStepsAndRecordsThem()
    {
        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1]);
        SqliteStoreTests.Scalar(_connection, "INSERT INTO a (x) VALUES (7) RETURNING x");

        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1, V2]);

        SchemaMigrator.CurrentVersion(_connection).Should().Be(2);
        SqliteStoreTests.Scalar(_connection, "SELECT count(*) FROM a WHERE x = 7 AND y IS NULL").Should().Be(1L);
        SqliteStoreTests.Scalar(_connection, "SELECT group_concat(description, ',') FROM schema_version").Should().Be("first,second");
    }

    [Fact]
    public void Migrate_AtTheLatestVersion_ChangesNothing()
    {
        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1, V2]);

        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1, V2]);

        SqliteStoreTests.Scalar(_connection, "SELECT count(*) FROM schema_version").Should().Be(2L);
    }

    [Fact]
    public void Migrate_FailingStep_LeavesTheDatabaseAtItsFormerVersion()
    {
        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1]);
        var broken = new Migration(2, "broken", "CREATE TABLE c (q INTEGER); THIS IS NOT SQL");

        var act = () => SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [V1, broken]);

        act.Should().Throw<SqliteException>();
        SchemaMigrator.CurrentVersion(_connection).Should().Be(1);
        SqliteStoreTests.Scalar(_connection, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'").Should().Be(0L);
    }
}

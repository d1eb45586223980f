using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite.Schema;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed partial class SchemaMigratorTests
{
    [Fact]
    public async Task Open_StoreWithImplausibleRowsFromBeforeSchema6_RemovesThemAndWithholdsHugeAlertValues()
    {
        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [.. Migrations.All.Where(m => m.Version < 6)]);
        Exec("""
            INSERT INTO sensors (key, id, name, kind, step_seconds) VALUES (1, 'gate', 'gate', 0, 3600), (2, 'road', 'road', 2, 300);
            INSERT INTO readings (sensor, label, value) VALUES (1, 0, 42), (1, 3600, 1e308), (1, 7200, -5), (2, 0, 61.5), (2, 300, 650);
            INSERT INTO forecasts (id, sensor, model, issued_at, target, mean) VALUES (1, 1, 'm', 0, 3600, 40), (2, 1, 'm', 0, 7200, 1e307);
            INSERT INTO alert_events (alert_key, rule_id, subject, state, at_utc_ticks, value, note) VALUES
                ('k', 'r', 'gate', 2, 1, 3.5, NULL), ('k', 'r', 'gate', 2, 2, 1e308 * 10, 'ack');
            """);

        using var store = _stores.Open();

        var readings = await store.ReadObservationsAsync(new ObservationQuery());
        readings.Values.ToArray().Should().Equal(42, 61.5);
        SqliteStoreTests.Scalar(_connection, "SELECT group_concat(id) FROM forecasts").Should().Be("1");
        var events = await store.ListAlertEventsAsync(DateTimeOffset.MinValue, 10);
        events.Select(e => e.Value).Should().Equal(3.5, null);
        events[1].Note.Should().Be("ack; value withheld: not a plausible number (schema 6)");
        var append = () => Exec("UPDATE alert_events SET note = 'x'");
        append.Should().Throw<Microsoft.Data.Sqlite.SqliteException>().WithMessage("*append-only*");
    }

    [Fact]
    public async Task Open_SilencesFromBeforeSchema9_KeepTheirIdsAndNoIdComesBack()
    {
        SchemaMigrator.Migrate(_connection, "test", TimeProvider.System, [.. Migrations.All.Where(m => m.Version < 9)]);
        Exec("""
            INSERT INTO silences (id, rule_id, subject, from_utc_ticks, until_utc_ticks, created_by, comment, created_utc_ticks)
                VALUES (3, NULL, 'z', 1, 2, 'op', 'kept', 1);
            INSERT INTO audit_log (at_utc_ticks, actor, action, target) VALUES (1, 'op', 'silence.create', '3'), (2, 'op', 'silence.create', '7');
            """);

        using var store = _stores.Open();
        var listed = await store.ListSilencesAsync();
        var added = await store.AddSilenceAsync(new Core.Alerting.Silence(Core.Alerting.AlertMatcher.Any, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1), "op"), "", DateTimeOffset.UnixEpoch);

        listed.Should().ContainSingle().Which.Id.Should().Be(3);
        added.Id.Should().Be(8, "silence 7 was created and deleted before the migration: the audit log names it");
    }

    private void Exec(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

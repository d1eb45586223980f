using Microsoft.Data.Sqlite;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Storage.Sqlite.Tests;

public sealed partial class SqliteStoreTests
{
    [Fact]
    public async Task UpsertObservationsAsync_UnknownSensor_GetsTheDefaultKindAndStepOfTheOptions()
    {
        var store = _stores.Open(options: SqliteStores.TestOptions with { DefaultSensorKind = SensorKind.RoadSpeed, DefaultSensorStep = Sensor.FiveMinutes });

        await store.UpsertObservationsAsync(Rows.Batch(("loop", 0, 61.5)));

        (await store.ListSensorsAsync()).Should().Equal(new Sensor(new SensorId("loop"), "loop", null, SensorKind.RoadSpeed, Sensor.FiveMinutes));
    }

    [Fact]
    public async Task ReadIngestLogAsync_AfterIngests_RecordsEachNewestFirst()
    {
        var at = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero);
        var store = _stores.Open(options: SqliteStores.TestOptions with { TimeProvider = new FixedClock(at) });
        var batch = Rows.Grid(2, 10, (s, h) => h, firstHour: 3);
        await store.UpsertObservationsAsync(batch);
        await store.UpsertObservationsAsync(batch);

        var log = await store.ReadIngestLogAsync();

        log.Should().Equal(
            new IngestLogEntry(at, 20, 0, 2, Rows.Hour(3), Rows.Hour(12)),
            new IngestLogEntry(at, 20, 20, 2, Rows.Hour(3), Rows.Hour(12)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(256)]
    public async Task UpsertObservationsAsync_AnyStatementSize_WritesTheSameState(int rowsPerStatement)
    {
        var store = _stores.Open(options: SqliteStores.TestOptions with { RowsPerStatement = rowsPerStatement });
        var first = Rows.Grid(5, 40, (s, h) => (s * 7) + h);
        var second = Rows.Grid(5, 40, (s, h) => h % 3 == 0 ? -h : (s * 7) + h, firstHour: 20);
        await store.UpsertObservationsAsync(first);

        var result = await store.UpsertObservationsAsync(second);

        result.Written.Should().Be(135, "hours 40-59 of five sensors are new (100) and hours 21, 24 ... 39 changed (35)");
        Rows.ToList(await store.ReadObservationsAsync(new ObservationQuery())).Should().Equal(Rows.Expected(first, second));
    }

    [Fact]
    public async Task SaveForecastsAsync_UnknownSensor_AddsItWithDefaultMetadata()
    {
        var store = _stores.Open();

        await store.SaveForecastsAsync([new Forecast(new SensorId("fresh"), "m", Rows.Hour(0), [new ForecastPoint(Rows.Hour(1), 3, [])])]);

        (await store.ListSensorsAsync()).Select(s => s.Id.Value).Should().Equal("fresh");
    }

    [Theory]
    [InlineData("two steps for one target")]
    [InlineData("an interval of level 1")]
    [InlineData("two intervals of one level")]
    public async Task SaveForecastsAsync_InvalidForecast_ThrowsAndSavesNothing(string fault)
    {
        var store = _stores.Open();
        var valid = new Forecast(new SensorId("a"), "m", Rows.Hour(0), [new ForecastPoint(Rows.Hour(1), 1, [])]);

        var act = () => store.SaveForecastsAsync([valid, Invalid(fault)]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*sensor 'b'*");
        (await store.LatestForecastAsync(new SensorId("a"), "m", Rows.Hour(10))).Should().BeNull();
    }

    [Fact]
    public async Task AlertEvents_ChangedOrDeletedBehindTheStore_AreRefused()
    {
        var store = _stores.Open();
        await store.AppendAlertEventsAsync([new AlertEvent("k", "r", "s", AlertState.Firing, DateTimeOffset.UnixEpoch)]);
        using var connection = RawConnection(_stores.DefaultPath);

        var update = () => Scalar(connection, "UPDATE alert_events SET note = 'rewritten'");
        var delete = () => Scalar(connection, "DELETE FROM alert_events");

        update.Should().Throw<SqliteException>().WithMessage("*append-only*");
        delete.Should().Throw<SqliteException>().WithMessage("*append-only*");
    }

    [Fact]
    public async Task AuditLogAndDeliveries_ChangedOrDeletedBehindTheStore_AreRefused()
    {
        var store = _stores.Open();
        var at = DateTimeOffset.UnixEpoch;
        await store.AppendAuditAsync([new Surgewatch.Core.Audit.AuditEntry(at, "op", "alert.acknowledge", "k")]);
        var n = new Notification("k", "r", "s", "duty", NotificationKind.Firing, NotificationReason.Changed, at, null);
        await store.AppendDeliveriesAsync([new NotificationDelivery(n, "webhook", at, true, 1)]);
        using var connection = RawConnection(_stores.DefaultPath);

        foreach (var table in new[] { "audit_log", "notification_deliveries" })
        {
            var update = () => Scalar(connection, $"UPDATE {table} SET seq = seq + 100");
            var delete = () => Scalar(connection, $"DELETE FROM {table}");
            update.Should().Throw<SqliteException>().WithMessage("*append-only*");
            delete.Should().Throw<SqliteException>().WithMessage("*append-only*");
        }
    }

    private static Forecast Invalid(string fault)
    {
        static ForecastPoint Point(int hour, params double[] levels) =>
            new(Rows.Hour(hour), 10, levels.Select(level => new PredictionInterval(level, 5, 15)).ToList());

        IReadOnlyList<ForecastPoint> points = fault switch
        {
            "two steps for one target" => [Point(1, 0.8), Point(1, 0.8)],
            "an interval of level 1" => [Point(1, 0.8), Point(2, 1.0)],
            "two intervals of one level" => [Point(1, 0.8, 0.95), Point(2, 0.8, 0.8)],
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "No such fault."),
        };
        return new Forecast(new SensorId("b"), "m", Rows.Hour(0), points);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

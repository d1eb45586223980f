using Npgsql;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Postgres.Connections;
using Surgewatch.Storage.Postgres.Sensors;

namespace Surgewatch.Storage.Postgres.Forecasts;

/// <summary>The <c>forecasts</c> table (one row per step) and its <c>forecast_intervals</c> children.</summary>
internal static class ForecastTable
{
    // One statement writes a forecast's steps and their intervals, matched by target.
    private const string Insert = """
        WITH points AS (
            INSERT INTO forecasts (sensor, model, issued_at, target, mean)
            SELECT @sensor, @model, @issued, t, m FROM unnest(@targets, @means) AS u(t, m)
            RETURNING id, target)
        INSERT INTO forecast_intervals (forecast, level, lower, upper)
        SELECT p.id, u.level, u.lower, u.upper
        FROM unnest(@itargets, @levels, @lowers, @uppers) AS u(target, level, lower, upper) JOIN points p ON p.target = u.target
        """;

    public static async Task SaveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Forecast> forecasts, PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        foreach (var forecast in forecasts)
        {
            ForecastValidation.Check(forecast);
        }

        var sensorIds = forecasts.Select(f => f.SensorId).Distinct().ToArray();
        var keys = await SensorTable.ResolveKeysAsync(connection, transaction, sensorIds, options, null, null, cancellationToken);
        var keyOf = sensorIds.Zip(keys).ToDictionary(p => p.First, p => p.Second);
        foreach (var forecast in forecasts)
        {
            await ReplaceAsync(connection, transaction, keyOf[forecast.SensorId], forecast, cancellationToken);
        }
    }

    public static async Task<Forecast?> LatestAsync(NpgsqlConnection connection, SensorId sensor, string model, TimeLabel issuedAtOrBefore, CancellationToken cancellationToken)
    {
        await using var read = Sql.Command(connection, null, """
            WITH latest AS (
                SELECT f.sensor, f.issued_at FROM forecasts f JOIN sensors s ON s.key = f.sensor
                WHERE s.id = @id AND f.model = @model AND f.issued_at <= @at ORDER BY f.issued_at DESC LIMIT 1)
            SELECT f.issued_at, f.target, f.mean, i.level, i.lower, i.upper
            FROM latest l JOIN forecasts f ON f.sensor = l.sensor AND f.model = @model AND f.issued_at = l.issued_at
            LEFT JOIN forecast_intervals i ON i.forecast = f.id
            ORDER BY f.target, i.level
            """);
        read.Parameters.AddWithValue("id", sensor.Value);
        read.Parameters.AddWithValue("model", model);
        read.Parameters.AddWithValue("at", issuedAtOrBefore.Seconds);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var points = new List<ForecastPoint>();
        List<PredictionInterval>? intervals = null;
        long? issuedAt = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            issuedAt = reader.GetInt64(0);
            var target = reader.GetInt64(1);
            if (points.Count == 0 || points[^1].Target.Seconds != target)
            {
                intervals = [];
                points.Add(new ForecastPoint(new TimeLabel(target), Sql.NullableDouble(reader, 2) ?? Missing.Value, intervals));
            }

            if (!reader.IsDBNull(3))
            {
                intervals!.Add(new PredictionInterval(reader.GetDouble(3), Sql.NullableDouble(reader, 4) ?? Missing.Value, Sql.NullableDouble(reader, 5) ?? Missing.Value));
            }
        }

        return issuedAt is { } issued ? new Forecast(sensor, model, new TimeLabel(issued), points) : null;
    }

    private static async Task ReplaceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long sensorKey, Forecast forecast, CancellationToken cancellationToken)
    {
        // Deleting a forecast's steps cascades to their intervals.
        await using (var delete = Sql.Command(connection, transaction, "DELETE FROM forecasts WHERE sensor = @sensor AND model = @model AND issued_at = @issued"))
        {
            Header(delete, sensorKey, forecast);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var intervals = forecast.Points.SelectMany(p => p.Intervals.Select(i => (p.Target.Seconds, Interval: i))).ToArray();
        await using var insert = Sql.Command(connection, transaction, Insert);
        Header(insert, sensorKey, forecast);
        insert.Parameters.AddWithValue("targets", forecast.Points.Select(p => p.Target.Seconds).ToArray());
        insert.Parameters.AddWithValue("means", forecast.Points.Select(p => Stored(p.Mean)).ToArray());
        insert.Parameters.AddWithValue("itargets", intervals.Select(i => i.Seconds).ToArray());
        insert.Parameters.AddWithValue("levels", intervals.Select(i => i.Interval.Level).ToArray());
        insert.Parameters.AddWithValue("lowers", intervals.Select(i => Stored(i.Interval.Lower)).ToArray());
        insert.Parameters.AddWithValue("uppers", intervals.Select(i => Stored(i.Interval.Upper)).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Header(NpgsqlCommand command, long sensorKey, Forecast forecast)
    {
        command.Parameters.AddWithValue("sensor", sensorKey);
        command.Parameters.AddWithValue("model", forecast.Model);
        command.Parameters.AddWithValue("issued", forecast.IssuedAt.Seconds);
    }

    // A missing value is NULL in the table, never a NaN.
    private static double? Stored(double value) => Missing.Is(value) ? null : value;
}

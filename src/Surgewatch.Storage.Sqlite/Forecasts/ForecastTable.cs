using Microsoft.Data.Sqlite;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;
using Surgewatch.Storage.Sqlite.Connections;
using Surgewatch.Storage.Sqlite.Sensors;

namespace Surgewatch.Storage.Sqlite.Forecasts;

/// <summary>The <c>forecasts</c> table (one row per step) and its <c>forecast_intervals</c> children.</summary>
internal static class ForecastTable
{
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<Forecast> forecasts, SqliteStoreOptions options, CancellationToken cancellationToken)
    {
        foreach (var forecast in forecasts)
        {
            ForecastValidation.Check(forecast);
        }

        var sensorIds = forecasts.Select(f => f.SensorId).Distinct().ToArray();
        var keys = SensorTable.ResolveKeys(connection, transaction, sensorIds, options);
        var keyOf = sensorIds.Zip(keys).ToDictionary(p => p.First, p => p.Second);
        using var writer = new Writer(connection, transaction);
        foreach (var forecast in forecasts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Replace(keyOf[forecast.SensorId], forecast);
        }
    }

    public static Forecast? Latest(SqliteConnection connection, SensorId sensor, string model, TimeLabel issuedAtOrBefore)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        using var find = Sql.Command(connection, transaction, """
            SELECT f.issued_at FROM forecasts f JOIN sensors s ON s.key = f.sensor
            WHERE s.id = $id AND f.model = $model AND f.issued_at <= $at ORDER BY f.issued_at DESC LIMIT 1
            """);
        find.Parameters.AddWithValue("$id", sensor.Value);
        find.Parameters.AddWithValue("$model", model);
        find.Parameters.AddWithValue("$at", issuedAtOrBefore.Seconds);
        if (find.ExecuteScalar() is not long issuedAt)
        {
            return null;
        }

        using var read = Sql.Command(connection, transaction, """
            SELECT f.target, f.mean, i.level, i.lower, i.upper
            FROM forecasts f JOIN sensors s ON s.key = f.sensor LEFT JOIN forecast_intervals i ON i.forecast = f.id
            WHERE s.id = $id AND f.model = $model AND f.issued_at = $at ORDER BY f.target, i.level
            """);
        read.Parameters.AddWithValue("$id", sensor.Value);
        read.Parameters.AddWithValue("$model", model);
        read.Parameters.AddWithValue("$at", issuedAt);
        return new Forecast(sensor, model, new TimeLabel(issuedAt), ReadPoints(read));
    }

    private static List<ForecastPoint> ReadPoints(SqliteCommand read)
    {
        using var reader = read.ExecuteReader();
        var points = new List<ForecastPoint>();
        List<PredictionInterval>? intervals = null;
        while (reader.Read())
        {
            var target = reader.GetInt64(0);
            if (points.Count == 0 || points[^1].Target.Seconds != target)
            {
                intervals = [];
                points.Add(new ForecastPoint(new TimeLabel(target), Sql.NullableDouble(reader, 1), intervals));
            }

            if (!reader.IsDBNull(2))
            {
                intervals!.Add(new PredictionInterval(reader.GetDouble(2), Sql.NullableDouble(reader, 3), Sql.NullableDouble(reader, 4)));
            }
        }

        return points;
    }

    /// <summary>The prepared statements that replace one forecast at a time.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteCommand _delete;
        private readonly SqliteCommand _point;
        private readonly SqliteCommand _interval;

        public Writer(SqliteConnection connection, SqliteTransaction transaction)
        {
            // Deleting a forecast's steps cascades to their intervals (foreign_keys is on for every connection).
            _delete = Sql.Command(connection, transaction, "DELETE FROM forecasts WHERE sensor = $sensor AND model = $model AND issued_at = $issued");
            _point = Sql.Command(connection, transaction, """
                INSERT INTO forecasts (sensor, model, issued_at, target, mean) VALUES ($sensor, $model, $issued, $target, $mean) RETURNING id
                """);
            _interval = Sql.Command(connection, transaction, "INSERT INTO forecast_intervals (forecast, level, lower, upper) VALUES ($forecast, $level, $lower, $upper)");
            foreach (var command in (SqliteCommand[])[_delete, _point])
            {
                command.Parameters.Add("$sensor", SqliteType.Integer);
                command.Parameters.Add("$model", SqliteType.Text);
                command.Parameters.Add("$issued", SqliteType.Integer);
            }

            _point.Parameters.Add("$target", SqliteType.Integer);
            _point.Parameters.Add("$mean", SqliteType.Real);
            _interval.Parameters.Add("$forecast", SqliteType.Integer);
            _interval.Parameters.Add("$level", SqliteType.Real);
            _interval.Parameters.Add("$lower", SqliteType.Real);
            _interval.Parameters.Add("$upper", SqliteType.Real);
        }

        public void Replace(long sensorKey, Forecast forecast)
        {
            SetHeader(_delete, sensorKey, forecast);
            _delete.ExecuteNonQuery();
            SetHeader(_point, sensorKey, forecast);
            foreach (var point in forecast.Points)
            {
                _point.Parameters["$target"].Value = point.Target.Seconds;
                _point.Parameters["$mean"].Value = Stored(point.Mean);
                var id = (long)_point.ExecuteScalar()!;
                foreach (var interval in point.Intervals)
                {
                    _interval.Parameters["$forecast"].Value = id;
                    _interval.Parameters["$level"].Value = interval.Level;
                    _interval.Parameters["$lower"].Value = Stored(interval.Lower);
                    _interval.Parameters["$upper"].Value = Stored(interval.Upper);
                    _interval.ExecuteNonQuery();
                }
            }
        }

        public void Dispose()
        {
            _delete.Dispose();
            _point.Dispose();
            _interval.Dispose();
        }

        private static void SetHeader(SqliteCommand command, long sensorKey, Forecast forecast)
        {
            command.Parameters["$sensor"].Value = sensorKey;
            command.Parameters["$model"].Value = forecast.Model;
            command.Parameters["$issued"].Value = forecast.IssuedAt.Seconds;
        }

        // SQLite would store NaN as NULL anyway; saying so keeps "missing" explicit.
        private static object Stored(double value) => Core.Series.Missing.Is(value) ? DBNull.Value : value;
    }
}

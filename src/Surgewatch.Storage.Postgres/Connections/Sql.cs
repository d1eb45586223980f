using Npgsql;

namespace Surgewatch.Storage.Postgres.Connections;

/// <summary>Small helpers around <see cref="NpgsqlCommand"/>, and conversions between nullable values and columns.</summary>
internal static class Sql
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) => new(sql, connection, transaction);

    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<long> ScalarInt64Async(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static object Of<T>(T? value)
        where T : struct => value is { } v ? v : DBNull.Value;

    public static object Of(string? value) => (object?)value ?? DBNull.Value;

    /// <summary>A double as stored: a missing value (NaN) is NULL, never a NaN in the table.</summary>
    public static object OfDouble(double? value) => value is { } v && !double.IsNaN(v) ? v : DBNull.Value;

    public static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader.GetInt64(ordinal));

    public static string? NullableString(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static double? NullableDouble(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}

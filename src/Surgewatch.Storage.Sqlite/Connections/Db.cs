using Microsoft.Data.Sqlite;

namespace Surgewatch.Storage.Sqlite.Connections;

/// <summary>Conversions between nullable values and SQLite parameters and columns; instants are stored as UTC ticks.</summary>
internal static class Db
{
    public static object Of<T>(T? value)
        where T : struct => value is { } v ? v : DBNull.Value;

    public static object Of(string? value) => (object?)value ?? DBNull.Value;

    public static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static DateTimeOffset? NullableInstant(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader.GetInt64(ordinal));

    public static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using Npgsql;

namespace Surgewatch.Storage.Postgres.Connections;

/// <summary>
/// Where a PostgreSQL store lives: a URI (<c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DB</c>, the form <c>--db</c> takes)
/// or an Npgsql connection string (<c>Host=…;Database=…</c>).
/// </summary>
public static class PostgresAddress
{
    /// <summary>True when <paramref name="value"/> is a <c>postgresql://</c> or <c>postgres://</c> URI.</summary>
    public static bool IsUri(string value) =>
        value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Turns a URI or a connection string into Npgsql's settings.</summary>
    /// <exception cref="ArgumentException">The URI lacks a host or a database, or its port is not a number.</exception>
    public static NpgsqlConnectionStringBuilder Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (!IsUri(value))
        {
            return new NpgsqlConnectionStringBuilder(value);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redacted(value)}' is not a PostgreSQL address; write postgresql://USER[:PASSWORD]@HOST:PORT/DB.", nameof(value));
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new ArgumentException($"'{Redacted(value)}' names no database; write postgresql://USER[:PASSWORD]@HOST:PORT/DB.", nameof(value));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        return builder;
    }

    /// <summary>The address as shown to people: host, port and database, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder settings) =>
        $"postgresql://{(string.IsNullOrEmpty(settings.Username) ? string.Empty : settings.Username + "@")}{settings.Host}:{settings.Port}/{settings.Database}";

    private static string Redacted(string value)
    {
        var at = value.LastIndexOf('@');
        var scheme = value.IndexOf("://", StringComparison.Ordinal) + 3;
        var colon = value.IndexOf(':', scheme);
        return at > 0 && colon > 0 && colon < at ? string.Concat(value.AsSpan(0, colon), ":***", value.AsSpan(at)) : value;
    }
}

namespace Surgewatch.Core.Storage;

/// <summary>Thrown when a database cannot be used with this build: its schema is newer than this build knows, or it is not a Surgewatch store.</summary>
/// <param name="dataSource">The database (file, in-memory name, or server and database name).</param>
/// <param name="foundVersion">The schema version the database has (0 when it is not a Surgewatch store).</param>
/// <param name="knownVersion">The newest schema version this build knows.</param>
/// <param name="message">What is wrong and what to do about it.</param>
public sealed class SchemaVersionException(string dataSource, int foundVersion, int knownVersion, string message)
    : Exception(message)
{
    /// <summary>The database (file, in-memory name, or server and database name).</summary>
    public string DataSource { get; } = dataSource;

    /// <summary>The schema version the database has (0 when it is not a Surgewatch store).</summary>
    public int FoundVersion { get; } = foundVersion;

    /// <summary>The newest schema version this build knows.</summary>
    public int KnownVersion { get; } = knownVersion;
}

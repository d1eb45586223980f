namespace Surgewatch.Core.Storage;

/// <summary>
/// Thrown when a store cannot be reached (a database server that is down, refuses the connection or the login), so
/// that a host can say so in one line, or answer "try again later", instead of failing with a driver's stack trace.
/// </summary>
/// <param name="dataSource">The store, without any password.</param>
/// <param name="message">What failed and what to check.</param>
/// <param name="inner">The driver's error.</param>
public sealed class StoreUnavailableException(string dataSource, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The store, without any password.</summary>
    public string DataSource { get; } = dataSource;
}

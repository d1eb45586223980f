using System.Net.Sockets;
using Npgsql;
using Surgewatch.Core.Storage;

namespace Surgewatch.Storage.Postgres.Connections;

/// <summary>Tells a server that cannot be reached (or was lost) from an error in a statement, and says so in one line.</summary>
internal static class Unavailable
{
    public static bool Is(Exception e, CancellationToken cancellationToken)
    {
        if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return e switch
        {
            PostgresException p => IsConnectionState(p.SqlState),
            NpgsqlException => true,
            SocketException => true,
            TimeoutException => true,
            _ => false,
        };
    }

    public static StoreUnavailableException Wrap(string dataSource, Exception e)
    {
        var reason = e switch
        {
            PostgresException p => p.MessageText,
            { InnerException: SocketException s } => s.Message,
            _ => e.Message,
        };
        return new StoreUnavailableException(
            dataSource, $"Cannot reach the PostgreSQL store {dataSource}: {reason}. Check that the server runs and the address, user, password and database.", e);
    }

    // Class 08 (connection exception), 28 (authorisation), 3D000 (no such database), 57P0x (server shutting down or starting).
    private static bool IsConnectionState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("28", StringComparison.Ordinal)
        || state is "3D000" or "57P01" or "57P02" or "57P03";
}

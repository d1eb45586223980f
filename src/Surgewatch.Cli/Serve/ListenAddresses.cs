using System.Net;
using System.Net.Sockets;
using Surgewatch.Cli.Common;

namespace Surgewatch.Cli.Serve;

/// <summary>
/// Checks, before the server starts, that every address in <c>--urls</c> can be listened on, so that a port already
/// in use is one clear line and exit code 2 rather than a failed start that the host logs with a stack trace.
/// (A race with another process remains possible; the server's own bind error is then reported the same way.)
/// </summary>
internal static class ListenAddresses
{
    /// <exception cref="UserInputException">An address is malformed, in use or not allowed.</exception>
    public static void EnsureAvailable(string urls)
    {
        foreach (var text in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var normalized = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(normalized, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                throw new UserInputException($"--urls: '{text}' is not an address such as http://127.0.0.1:5080.");
            }

            if (url.Port != 0)
            {
                Probe(text, url);
            }
        }
    }

    private static void Probe(string text, Uri url)
    {
        var address = url.IsLoopback && !IPAddress.TryParse(url.Host, out _) ? IPAddress.Loopback
            : IPAddress.TryParse(url.Host.Trim('[', ']'), out var parsed) ? parsed
            : null;
        if (address is null)
        {
            return; // A host name: Kestrel resolves it; nothing to probe here.
        }

        var listener = new TcpListener(address, url.Port);
        try
        {
            listener.Start();
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied or SocketError.AddressNotAvailable)
        {
            var why = e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the address is already in use (is another server running?)",
                SocketError.AccessDenied => "this user may not listen on that port",
                _ => "this machine has no such address",
            };
            throw new UserInputException($"Cannot listen on {text}: {why}. Choose another address with --urls.");
        }
        finally
        {
            listener.Stop();
        }
    }
}

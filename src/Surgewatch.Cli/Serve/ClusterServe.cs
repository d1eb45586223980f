using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Surgewatch.Cli.Common;
using Surgewatch.Cluster;

namespace Surgewatch.Cli.Serve;

/// <summary>
/// <c>serve --cluster redis://HOST:PORT [--silo-port N] [--gateway-port M]</c>: the node co-hosts an Orleans silo.
/// Kept apart from <see cref="ServeCommand"/> so that a server without <c>--cluster</c> never loads Orleans.
/// </summary>
internal static class ClusterServe
{
    /// <summary>What <c>--cluster</c> and its ports say, checked before anything starts.</summary>
    /// <exception cref="UserInputException">The address or a port is not one, or the store is not one every node can share.</exception>
    public static ClusterSettings Settings(string cluster, int? siloPort, int? gatewayPort, string db, string urls)
    {
        if (!StoreOption.IsPostgres(db))
        {
            throw new UserInputException("--cluster needs --db postgresql://…, a store all nodes share.");
        }

        string redis;
        try
        {
            redis = ClusterSettings.ParseRedis(cluster);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message);
        }

        var silo = Port("--silo-port", siloPort ?? ClusterSettings.DefaultSiloPort);
        var gateway = Port("--gateway-port", gatewayPort ?? ClusterSettings.DefaultGatewayPort);
        if (silo == gateway)
        {
            throw new UserInputException("--silo-port and --gateway-port must differ.");
        }

        var (advertised, url) = Published(urls);
        return new ClusterSettings(redis, advertised, silo, gateway, url);
    }

    /// <summary>Adds the silo to the server being built, and the hub's backplane on the same Redis.</summary>
    /// <exception cref="UserInputException">A membership setting (<c>Surgewatch:Cluster:…</c>) is not valid.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Apply(WebApplicationBuilder builder, ClusterSettings settings)
    {
        try
        {
            builder.AddSurgewatchCluster(settings);
            Surgewatch.Server.Live.LiveBackplane.Add(builder.Services, settings.Redis, settings.ClusterId);
        }
        catch (FormatException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    private static int Port(string option, int port) =>
        port is > 0 and <= 65535 ? port : throw new UserInputException($"{option} must be a port between 1 and 65535, not {port}.");

    /// <summary>
    /// The address the other nodes reach this one on, and its HTTP URL: the first of <c>--urls</c>, with a wildcard
    /// host (0.0.0.0, *) replaced by this machine's first IPv4 address.
    /// </summary>
    private static (IPAddress Address, string Url) Published(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]
            .Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        var url = new Uri(first);
        var address = IPAddress.TryParse(url.Host.Trim('[', ']'), out var parsed) && !parsed.Equals(IPAddress.Any) && !parsed.Equals(IPAddress.IPv6Any) ? parsed
            : url.IsLoopback ? IPAddress.Loopback
            : MachineAddress();
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return (address, $"{url.Scheme}://{host}:{url.Port}");
    }

    private static IPAddress MachineAddress() =>
        Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
}

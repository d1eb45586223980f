using System.Net;

namespace Surgewatch.Cluster;

/// <summary>How a node joins the cluster (<c>serve --cluster</c>).</summary>
/// <param name="Redis">The Redis server of the membership table, <c>HOST:PORT</c>.</param>
/// <param name="Advertised">The address the other nodes reach this one on.</param>
/// <param name="SiloPort">The port silos talk to each other on.</param>
/// <param name="GatewayPort">The port Orleans clients connect to.</param>
/// <param name="Url">This node's HTTP URL, published as its silo name for <c>/cluster</c>.</param>
public sealed record ClusterSettings(string Redis, IPAddress Advertised, int SiloPort, int GatewayPort, string Url)
{
    /// <summary>The silo port when none is given (Orleans' own default).</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>The gateway port when none is given (Orleans' own default).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The id of the cluster and of the service in the membership table: every Surgewatch node on one Redis joins one cluster.</summary>
    public string ClusterId { get; init; } = "surgewatch";

    /// <summary>How soon a silent node is declared dead and its zones swept elsewhere (<see cref="MembershipTiming"/>).</summary>
    public MembershipTiming Membership { get; init; } = MembershipTiming.Default;


    /// <summary>
    /// The Redis address from a <c>redis://HOST:PORT</c> URL.
    /// </summary>
    /// <exception cref="FormatException">It is not one.</exception>
    public static string ParseRedis(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "redis" || string.IsNullOrEmpty(uri.Host) || uri.AbsolutePath is not ("" or "/"))
        {
            throw new FormatException($"--cluster takes a Redis address such as redis://127.0.0.1:6379, not '{url}'.");
        }

        return $"{uri.Host}:{(uri.IsDefaultPort ? 6379 : uri.Port)}";
    }
}

using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Surgewatch.Server.Live;

/// <summary>
/// Whose dashboards the hub's messages reach: this node's only (one node, the default), or every node's of a cluster,
/// through a SignalR backplane on the cluster's Redis (<see cref="LiveBackplane"/>). With a backplane each message must
/// come from one node only: the node that ingested the readings, steps the zone, keeps the alert or runs the models.
/// </summary>
internal sealed record LiveReach(bool EveryNode)
{
    public static readonly LiveReach ThisNode = new(EveryNode: false);
}

/// <summary>The hub's messages reach every node's dashboards through the SignalR Redis backplane (<c>serve --cluster</c>).</summary>
public static class LiveBackplane
{
    /// <summary>
    /// Carries the hub's messages over <paramref name="redis"/> (<c>HOST:PORT</c>, the cluster's membership Redis) on
    /// channels named after <paramref name="cluster"/>; call before the server's own services are added.
    /// Kept out of line so that a server without a cluster never loads the Redis client.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Add(IServiceCollection services, string redis, string cluster)
    {
        services.AddSingleton(new LiveReach(EveryNode: true));
        services.AddSignalR().AddStackExchangeRedis(redis, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal($"{cluster}:live");
            // A node must start while Redis is briefly away (as Orleans' membership does) and reconnect by itself, and
            // while it is away a message fails at once rather than holding the step that sends it (LiveNotifier drops it).
            options.Configuration.AbortOnConnectFail = false;
            options.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            // On the thread pool, as the membership's client: not the client's ten socket threads, which wake without work.
            options.Configuration.SocketManager = SocketManager.ThreadPool;
        });
    }
}

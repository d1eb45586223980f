using Microsoft.AspNetCore.SignalR;

namespace Surgewatch.Server.Live;

/// <summary>
/// Sends the hub's messages to every connected client: this node's, or every node's with a backplane
/// (<see cref="LiveReach"/>). A message that cannot be sent (the backplane's Redis away) is dropped with a warning at
/// most once a minute: live messages are a view, a dashboard reloads what it shows when its link comes back, and the
/// step or ingest that sends them must not fail or wait for them.
/// </summary>
internal sealed class LiveNotifier(IHubContext<LiveHub> hub, LiveReach reach, ILogger<LiveNotifier> logger)
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);
    private long _warned = long.MinValue;
    private int _dropped;

    /// <summary>
    /// Whether a message sent here reaches every node's dashboards: then a node sends only what it is the source of, and
    /// never passes on what another node sent.
    /// </summary>
    public bool ReachesEveryNode => reach.EveryNode;

    public async Task SendAsync(string method, object payload, CancellationToken cancellationToken = default)
    {
        try
        {
            await hub.Clients.All.SendAsync(method, payload, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var dropped = Interlocked.Increment(ref _dropped);
            var last = Interlocked.Read(ref _warned);
            if ((last == long.MinValue || TimeProvider.System.GetElapsedTime(last) >= WarnEvery)
                && Interlocked.CompareExchange(ref _warned, TimeProvider.System.GetTimestamp(), last) == last)
            {
                Interlocked.Exchange(ref _dropped, 0);
                logger.LogWarning(e, "Could not send the live '{Method}' message ({Dropped} dropped since the last warning); dashboards reload when their link returns", method, dropped);
            }
        }
    }
}

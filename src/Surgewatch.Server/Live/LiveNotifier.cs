using Microsoft.AspNetCore.SignalR;

namespace Surgewatch.Server.Live;

/// <summary>Sends the hub's messages to every connected client.</summary>
internal sealed class LiveNotifier(IHubContext<LiveHub> hub)
{
    public Task SendAsync(string method, object payload, CancellationToken cancellationToken = default) =>
        hub.Clients.All.SendAsync(method, payload, cancellationToken);
}

using Microsoft.AspNetCore.SignalR;
using Surgewatch.Server.Clock;
using Surgewatch.Server.Monitoring;

namespace Surgewatch.Server.Live;

/// <summary>
/// The SignalR hub at <c>/hubs/live</c> (public read). The server calls these client methods: <c>zoneStatus</c>
/// (array of zone status), <c>alert</c> (one alert), <c>readings</c> (batched at most once a second),
/// <c>forecast</c> (a zone's density forecast with 80/95% bands, every 15 simulated minutes), <c>counters</c> and
/// <c>roads</c> (each counter's surge outlook and each road's congestion outlook, after every issue) and <c>clock</c>. A new connection gets the current clock and zone status at once.
/// </summary>
internal sealed class LiveHub(ZoneStatusBoard board, ClockDtos clocks, LiveAudience audience) : Hub
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        await Clients.Caller.SendAsync(LiveMessages.Clock, clocks.Current(), Context.ConnectionAborted);
        await Clients.Caller.SendAsync(LiveMessages.ZoneStatus, await board.CurrentAsync(Context.ConnectionAborted), Context.ConnectionAborted);
        await base.OnConnectedAsync();
        // Last: a connection whose start threw is never told disconnected, so it must not have been counted.
        audience.Joined();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        audience.Left();
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>The names of the hub's client methods.</summary>
internal static class LiveMessages
{
    public const string ZoneStatus = "zoneStatus";
    public const string Alert = "alert";
    public const string Readings = "readings";
    public const string Forecast = "forecast";
    public const string Clock = "clock";
    public const string Counters = "counters";
    public const string Roads = "roads";
}

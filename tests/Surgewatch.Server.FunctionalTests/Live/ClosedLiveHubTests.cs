using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Surgewatch.Server.FunctionalTests.Auth;

namespace Surgewatch.Server.FunctionalTests.Live;

/// <summary>The live hub on a server whose reads need a key (<c>RequireKeyForReads</c>).</summary>
public sealed class ClosedLiveHubTests(ClosedServerFixture server) : IClassFixture<ClosedServerFixture>
{
    [Theory]
    [InlineData(HttpTransportType.LongPolling)]
    [InlineData(HttpTransportType.ServerSentEvents)]
    public async Task Connect_WithoutKey_IsRefused(HttpTransportType transport)
    {
        await using var hub = Connect(null, transport);

        var start = () => hub.StartAsync();

        (await start.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Connect_WithKeyAsAccessToken_GetsTheClockAndNeverLogsTheKey()
    {
        _ = server.CreateClient();
        var key = server.AnnouncedKeys.Single();
        var clock = new TaskCompletionSource<bool>();
        await using var hub = Connect(key, HttpTransportType.LongPolling);
        hub.On<System.Text.Json.JsonElement>("clock", _ => clock.TrySetResult(true));

        await hub.StartAsync();

        (await clock.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeTrue();
        server.Logs.Lines.Should().NotContain(line => line.Contains(key, StringComparison.Ordinal));
    }

    private HubConnection Connect(string? key, HttpTransportType transport)
    {
        _ = server.CreateClient();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.Server.BaseAddress, "hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => server.Server.CreateHandler();
                o.Transports = transport;
                // SignalR clients send the token as the access_token query parameter where headers cannot be set.
                o.AccessTokenProvider = key is null ? null : () => Task.FromResult<string?>(null);
                o.Url = key is null ? o.Url : new Uri(o.Url!, $"?access_token={Uri.EscapeDataString(key)}");
            })
            .Build();
    }
}

using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Live;
using Surgewatch.Tests.Redis;

namespace Surgewatch.Server.FunctionalTests.Live;

/// <summary>A node whose hub has the cluster's Redis backplane (<see cref="LiveBackplane"/>), when that Redis goes away.</summary>
public sealed class LiveBackplaneTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [RequiresRedisFact]
    public async Task SendAsync_BackplaneRedisGone_DropsTheMessageAtOnceAndTheNodeKeepsIngestingAndStepping()
    {
        var redis = await RedisServer.StartAsync();
        using var node = new ClockedServer(new ManualTime(T0), services: s => LiveBackplane.Add(s, $"127.0.0.1:{redis.Port}", "backplane-test"));
        var admin = node.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("a-zone"))))).EnsureSuccessStatusCode();
        var live = node.Services.GetRequiredService<LiveNotifier>();
        live.ReachesEveryNode.Should().BeTrue();
        await live.SendAsync(LiveMessages.Clock, new { probe = 1 });
        // A dashboard connected: each step sends the zones' statuses through the backplane.
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        await hub.StartAsync();

        redis.Dispose();
        var sending = Stopwatch.StartNew();
        await live.SendAsync(LiveMessages.Clock, new { probe = 2 });
        sending.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(3), "a message the backplane cannot take is dropped at once, not queued behind the step that sends it");

        await node.IngestAsync(admin, "a-zone", 300);
        var status = await node.CreateClient().GetAsync("/api/v1/zones/status");
        status.StatusCode.Should().Be(HttpStatusCode.OK);
        (await status.Content.ReadAsStringAsync()).Should().Contain("\"persons\":300", "the node ingests and steps while its hub's backplane is away");
    }
}

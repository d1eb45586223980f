using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Cluster;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Cluster;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Tests.Redis;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>
/// Two nodes of a cluster side by side on one store, each holding the zones a test ownership gives it and sharing alert
/// views and actions through an in-memory <see cref="IAlertShare"/> (Orleans' side, the sweep and the grain call, is
/// tested in Surgewatch.Cluster.Tests): every node lists every alert and takes an acknowledgement of any.
/// </summary>
public sealed class AlertsAcrossNodesTests
{
    private const string Key = "density-warning/a-zone";
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Alerts_AlertKeptByAnotherNode_ListedAcknowledgedThroughThisNodeAndKeptWhenThatNodeGoes()
    {
        var (time, cluster, first, second) = await TwoNodesAsync();
        using var secondNode = second;
        var admin = first.ClientWithKey(ServerFixture.AdminKey);
        var secondAdmin = second.ClientWithKey(ServerFixture.AdminKey);
        await FireAsync(first, time);

        var listed = await ListedAsync(second, a => a.State == "firing");
        listed.Since.Should().Be(T0 + TimeSpan.FromMinutes(6));
        (await second.AlertAsync(Key)).Should().BeNull("the second node's own book does not keep a-zone's alerts");

        var ack = await secondAdmin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(Key)}/ack", Bodies.Json("""{"note":"on our way"}"""));
        ack.StatusCode.Should().Be(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());
        (await ack.Content.ReadFromJsonAsync<AlertDto>())!.Acknowledged.Should().BeTrue();
        (await first.AlertAsync(Key))!.Acknowledged.Should().BeTrue("the action was taken by the node that keeps the alert");
        (await ListedAsync(second, a => a.Acknowledged)).State.Should().Be("firing");

        cluster.Leave("first");
        first.KeepFiles = true;
        first.Dispose();
        cluster.Hold("second", "a-zone");
        await second.IngestAsync(secondAdmin, "a-zone", 300);

        var resumed = await second.AlertAsync(Key);
        resumed.Should().NotBeNull("the second node restored a-zone's alert from the store once it held the zone");
        resumed!.State.Should().Be("firing");
        resumed.Acknowledged.Should().BeTrue("the acknowledgement taken through the second node was saved by the first");
        resumed.Since.Should().Be(T0 + TimeSpan.FromMinutes(6), "the episode continues; no new one started");
    }

    [Fact]
    public async Task Alerts_ZoneMovedToAnotherNode_ListedOnTheNodeItLeftFromItsNewHolder()
    {
        var (time, cluster, first, second) = await TwoNodesAsync();
        using var firstNode = first;
        using var secondNode = second;
        var secondAdmin = second.ClientWithKey(ServerFixture.AdminKey);
        await FireAsync(first, time);
        await ListedAsync(second, a => a.State == "firing");

        // a-zone moves: the second node lists it at once, and its alerts follow at its next step (restored from the store).
        cluster.Hold("second", "a-zone");
        cluster.Release("first", "a-zone");
        await Task.Delay(AlertShareService.Every * 2);
        await second.IngestAsync(secondAdmin, "a-zone", 300);
        await first.StepAsync();

        (await first.AlertAsync(Key)).Should().BeNull("the first node's step dropped the alerts of the zone it no longer holds");
        var listed = await ListedAsync(first, a => a.State == "firing");
        listed.Since.Should().Be(T0 + TimeSpan.FromMinutes(6), "the new holder shares the same episode");
    }

    [Fact]
    public async Task ShareAsync_ZoneGainedWithoutAlerts_SharedWithNoViewsOnceStepped()
    {
        var (_, cluster, first, second) = await TwoNodesAsync();
        using var firstNode = first;
        using var secondNode = second;
        await second.StepAsync();
        await Task.Delay(AlertShareService.Every * 2);

        // Shared while the node holds a-zone but has not stepped it yet, then stepped with nothing else changing.
        cluster.Hold("second", "a-zone");
        await Task.Delay(AlertShareService.Every * 2);
        await second.StepAsync();

        var clock = Stopwatch.StartNew();
        while (!(cluster.SharedBy("second")?.ContainsKey("a-zone") ?? false) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100);
        }

        cluster.SharedBy("second").Should().Contain("a-zone", "[]", "the node steps a-zone now, without alerts: the others see it has none");
        cluster.SharedBy("second").Should().Contain("b-zone", "[]");
    }

    [RequiresRedisFact]
    public async Task Hub_AlertKeptByAnotherNode_ItsChangesReachThisNodesDashboardsOnceThroughTheBackplane()
    {
        using var redis = await RedisServer.StartAsync();
        var (time, _, first, second) = await TwoNodesAsync(backplane: redis);
        // The second node deletes the store's folder when disposed: the first goes before it.
        using var secondNode = second;
        using var firstNode = first;
        var alerts = Channel.CreateUnbounded<AlertDto>();
        var heard = new ConcurrentQueue<AlertDto>();
        await using var hub = Connect(second);
        hub.On<AlertDto>("alert", a =>
        {
            heard.Enqueue(a);
            alerts.Writer.TryWrite(a);
        });
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<System.Text.Json.JsonElement>("clock", _ => connected.TrySetResult());
        await hub.StartAsync();
        // The hub's greeting comes once the connection is subscribed to the backplane (StartAsync may return before):
        // a message sent earlier would reach no one on this node.
        await connected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await FireAsync(first, time);
        (await NextAsync(alerts, a => a.State == "firing")).Acknowledged.Should().BeFalse();
        // Through the second node: the first, which keeps the alert, takes the action and tells every dashboard.
        (await second.ClientWithKey(ServerFixture.AdminKey).PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(Key)}/ack", Bodies.Json("{}"))).EnsureSuccessStatusCode();
        (await NextAsync(alerts, a => a.Acknowledged)).State.Should().Be("firing", "an acknowledgement taken on the holder reaches the other node's dashboards");

        // Several share periods later, each change was heard once: only the keeper sends an alert's views.
        await Task.Delay(AlertShareService.Every * 3);
        heard.Where(a => a.Key == Key).Select(a => (a.State, a.Acknowledged)).Should().Equal([("pending", false), ("firing", false), ("firing", true)],
            "the keeper sends each change once to every node's dashboards, and no node passes on another's");
    }

    [Fact]
    public async Task AlertRevision_ZoneTakenOverByANodeStartedEarlier_NewHoldersViewIsNewer()
    {
        var (time, cluster, first, second) = await TwoNodesAsync(firstHolds: "b-zone", secondHolds: "a-zone");
        using var firstNode = first;
        await FireAsync(second, time);
        await ListedAsync(first, a => a.State == "firing");
        var ack = await first.ClientWithKey(ServerFixture.AdminKey).PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(Key)}/ack", Bodies.Json("{}"));
        var acked = (await ack.Content.ReadFromJsonAsync<AlertDto>())!;

        cluster.Leave("second");
        second.KeepFiles = true;
        second.Dispose();
        first.KeepFiles = false;
        cluster.Hold("first", "a-zone");
        await first.IngestAsync(first.ClientWithKey(ServerFixture.AdminKey), "a-zone", 300);

        var resumed = (await first.AlertAsync(Key))!;
        resumed.Acknowledged.Should().BeTrue();
        resumed.Revision.Should().BeGreaterThan(acked.Revision, "a dashboard that showed the old holder's view takes the new holder's");
    }

    [Fact]
    public async Task AcknowledgeAlert_NoNodeKeepsIt_NotFound()
    {
        var time = new ManualTime(T0);
        var cluster = new TestAlertCluster();
        using var node = Node(time, null, cluster, "only", ["b-zone"]);
        node.KeepFiles = false;
        var admin = node.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("b-zone"))))).EnsureSuccessStatusCode();

        var response = await admin.PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(Key)}/ack", Bodies.Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>Two nodes on one store, the first holding a-zone, the second b-zone (the zones stored before the second starts).</summary>
    private static async Task<(ManualTime Time, TestAlertCluster Cluster, ClockedServer First, ClockedServer Second)> TwoNodesAsync(
        string firstHolds = "a-zone", string secondHolds = "b-zone", RedisServer? backplane = null)
    {
        var time = new ManualTime(T0);
        var cluster = new TestAlertCluster();
        var first = Node(time, null, cluster, "first", [firstHolds], backplane);
        var admin = first.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("a-zone"), TestZones.Feature("b-zone"))))).EnsureSuccessStatusCode();
        return (time, cluster, first, Node(time, first.DatabasePath, cluster, "second", [secondHolds], backplane));
    }

    /// <summary>a-zone over its warning level for six minutes, stepped on <paramref name="holder"/>: its alert fires at T0 + 6 min.</summary>
    private static async Task FireAsync(ClockedServer holder, ManualTime time)
    {
        var admin = holder.ClientWithKey(ServerFixture.AdminKey);
        await holder.IngestAsync(admin, "a-zone", 300);
        time.Now += TimeSpan.FromMinutes(6);
        await holder.IngestAsync(admin, "a-zone", 300);
    }

    /// <summary>The next hub alert of a-zone that <paramref name="seen"/> accepts (the others' views come with the sweep: up to 30 s).</summary>
    private static async Task<AlertDto> NextAsync(Channel<AlertDto> alerts, Func<AlertDto, bool> seen)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var alert = await alerts.Reader.ReadAsync(timeout.Token);
            if (alert.Key == Key && seen(alert))
            {
                return alert;
            }
        }
    }

    private static HubConnection Connect(ClockedServer node)
    {
        _ = node.CreateClient();
        return new HubConnectionBuilder()
            .WithUrl(new Uri(node.Server.BaseAddress, "hubs/live"), o =>
            {
                o.HttpMessageHandlerFactory = _ => node.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
    }

    /// <summary>Polls the node's <c>GET /alerts</c> (the views are shared every second) until it lists a-zone's alert as <paramref name="seen"/> says.</summary>
    private static async Task<AlertDto> ListedAsync(ClockedServer node, Func<AlertDto, bool> seen)
    {
        var client = node.CreateClient();
        var clock = Stopwatch.StartNew();
        AlertDto[]? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            last = await client.GetFromJsonAsync<AlertDto[]>("/api/v1/alerts");
            if (last!.FirstOrDefault(a => a.Key == Key) is { } alert && seen(alert))
            {
                return alert;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The node did not list {Key} as expected within 30 s: {string.Join(", ", last?.Select(a => $"{a.Key} {a.State}") ?? [])}");
    }

    /// <summary>A node holding <paramref name="zones"/>; with <paramref name="backplane"/>, its hub's messages reach every node's dashboards as a real cluster's do.</summary>
    private static ClockedServer Node(ManualTime time, string? database, TestAlertCluster cluster, string name, string[] zones, RedisServer? backplane = null)
    {
        ClockedServer? server = null;
        var ownership = cluster.Join(name, zones, () => server!.Services.GetRequiredService<IAlertDesk>());
        server = new ClockedServer(time, database, services: s =>
        {
            s.AddSingleton<IZoneOwnership>(ownership);
            s.AddSingleton<IAlertShare>(cluster.ShareOf(name));
            if (backplane is not null)
            {
                Surgewatch.Server.Live.LiveBackplane.Add(s, $"127.0.0.1:{backplane.Port}", "alerts-across-nodes");
            }
        }) { KeepFiles = database is null };
        return server;
    }

    /// <summary>The nodes' alert views and desks, in memory: what the zone grains and their sweeps carry in a real cluster.</summary>
    private sealed class TestAlertCluster
    {
        private readonly ConcurrentDictionary<string, (TestOwnership Ownership, Func<IAlertDesk> Desk)> _nodes = new();
        private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _shared = new();

        public TestOwnership Join(string node, IEnumerable<string> zones, Func<IAlertDesk> desk)
        {
            var ownership = new TestOwnership(zones);
            _nodes[node] = (ownership, desk);
            return ownership;
        }

        public void Leave(string node)
        {
            _nodes.TryRemove(node, out _);
            _shared.TryRemove(node, out _);
        }

        public void Hold(string node, string zone) => _nodes[node].Ownership.Held[zone] = 0;

        public void Release(string node, string zone) => _nodes[node].Ownership.Held.TryRemove(zone, out _);

        public IAlertShare ShareOf(string node) => new NodeShare(this, node);

        /// <summary>What <paramref name="node"/> shared last, or null.</summary>
        public IReadOnlyDictionary<string, string>? SharedBy(string node) => _shared.TryGetValue(node, out var shared) ? shared : null;

        private sealed class NodeShare(TestAlertCluster cluster, string node) : IAlertShare
        {
            public IReadOnlyDictionary<string, string> Others =>
                cluster._shared.Where(s => s.Key != node).SelectMany(s => s.Value).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

            public void Share(IReadOnlyDictionary<string, string> alerts) => cluster._shared[node] = alerts;

            public Task<AlertActionOutcome> ActAtHolderAsync(string subject, AlertAction action, CancellationToken cancellationToken) =>
                cluster._nodes.Values.FirstOrDefault(n => n.Ownership.Holds(subject)) is { Desk: { } desk }
                    ? desk().ActAsync(action, cancellationToken)
                    : Task.FromResult(new AlertActionOutcome(AlertActionResult.NotHeld, null));
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Surgewatch.Tests.Postgres;
using Surgewatch.Tests.Redis;
using Surgewatch.Tests.Shared;
using static Surgewatch.Cli.Tests.Serve.ClusterProcesses;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary><c>serve --cluster</c> with real processes: two nodes on a throwaway Redis and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ServeClusterTest(PostgresServer postgres) : IDisposable
{
    private const string Key = "cluster-test-bootstrap-key-0123456789abcdef";
    private static readonly string[] ZoneIds = [.. Enumerable.Range(0, 12).Select(i => $"z{i:D2}")];
    private readonly TempDirectory _dir = new();
    private string? _database;

    [Fact]
    public async Task Serve_ClusterWithSqliteStore_ExitsTwoWithOneLine()
    {
        var (exit, output) = await CliRunner.RunAsync("serve", "--db", _dir.File("one.db"), "--cluster", "redis://127.0.0.1:6379", "--urls", "http://127.0.0.1:0");

        exit.Should().Be(2, output);
        output.Trim().Split('\n').Should().ContainSingle(output);
        output.Should().Contain("--cluster needs --db postgresql://");
    }

    [RequiresRedisAndPostgresFact]
    public async Task Serve_TwoClusterNodes_ClusterListsBothActiveWithTheZonesSplit()
    {
        using var redis = await RedisServer.StartAsync();
        _database = postgres.CreateDatabase();
        var db = postgres.Uri(_database);
        var (imported, importOutput) = await CliRunner.RunAsync("zones", "import", WriteZones(), "--db", db);
        imported.Should().Be(0, importOutput);

        await using var first = await ServeProcess.StartAsync(db, Key, Node(redis));
        await using var second = await ServeProcess.StartAsync(db, Key, Node(redis));
        var cluster = await SettledAsync(first, n => Split(n, 2, ZoneIds.Length), second);

        var nodes = cluster["nodes"]!.AsArray();
        nodes.Select(n => (string)n!["url"]!).Should().BeEquivalentTo([Url(first), Url(second)]);
        nodes.Should().OnlyContain(n => (string)n!["status"]! == "active");
        nodes.Should().OnlyContain(n => n!["zones"]!.AsArray().Count > 0, "two nodes split twelve zones");
        nodes.SelectMany(n => n!["zones"]!.AsArray().Select(z => (string)z!)).Should().BeEquivalentTo(ZoneIds, "each zone is held by exactly one node");
        (await SettledAsync(second, n => Split(n, 2, ZoneIds.Length), first))["nodes"]!.ToJsonString().Should().Be(nodes.ToJsonString(), "both nodes see the same cluster once their sweeps have run");
    }

    [RequiresRedisAndPostgresFact]
    public async Task Serve_ReadingsPostedToOneNode_OtherNodeStepsItsZonesOnThemAndShowsEveryZone()
    {
        await using var cluster = await TwoNodesAsync();
        var (first, second, nodes) = (cluster.First, cluster.Second, cluster.Nodes);
        var held = nodes.Single(n => (string)n!["url"]! == Url(second))!["zones"]!.AsArray().Select(z => (string)z!).ToList();
        held.Should().NotBeEmpty().And.HaveCountLessThan(ZoneIds.Length, "each node steps its share of the zones, and only those");

        await PostAsync(first, 37);
        var statuses = await StatusesWithPersonsAsync(second, ZoneIds.Length);

        // The zones this node steps were relayed the readings sent to the other node; the zones the other node steps
        // show the statuses it shared, which this node's sweep brought back.
        statuses.Select(s => (string)s!["zoneId"]!).Should().BeEquivalentTo(ZoneIds, "every node serves every zone's status");
        statuses.Should().OnlyContain(s => (double)s!["persons"]! == 37);

        // Past the read-back that follows a change of held zones (5 s), a node reads the store again only after
        // ReadBackEvery (10 minutes here): a new count reaching this node's zones now came through the relay.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await PostAsync(first, 52);
        (await StatusesWithPersonsAsync(second, ZoneIds.Length, persons: 52)).Should().OnlyContain(s => (double)s!["persons"]! == 52);
    }

    [RequiresRedisAndPostgresFact]
    public async Task Serve_DashboardOnOneNode_HearsEveryNodesLiveMessagesOnceThroughTheBackplane()
    {
        await using var cluster = await TwoNodesAsync();
        var (first, second, nodes) = (cluster.First, cluster.Second, cluster.Nodes);
        var heldBy = nodes.ToDictionary(n => (string)n!["url"]!, n => n!["zones"]!.AsArray().Select(z => (string)z!).ToHashSet());

        var readings = new ConcurrentQueue<string[]>();
        var statuses = new ConcurrentQueue<string[]>();
        var clocks = 0;
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(second.Url, "/hubs/live")).Build();
        hub.On<JsonElement>("readings", r => readings.Enqueue([.. r.EnumerateArray().Select(x => x.GetProperty("sensorId").GetString()!)]));
        hub.On<JsonElement>("zoneStatus", z => statuses.Enqueue([.. z.EnumerateArray().Select(x => x.GetProperty("zoneId").GetString()!)]));
        hub.On<JsonElement>("clock", _ => Interlocked.Increment(ref clocks));
        await hub.StartAsync();

        // On connecting, the node sends every zone's status it knows (its own and those its sweep brought from the other).
        var waited = Stopwatch.StartNew();
        while (!statuses.Any(z => ZoneIds.All(z.Contains)))
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), $"a new connection gets every zone's status\n{second.Log}");
            await Task.Delay(200);
        }

        // Readings posted to the first node reach a dashboard of the second: the first node's hub sends them to every node's.
        await PostAsync(first, 37);
        waited.Restart();
        while (!readings.Any(r => r.Contains("s0")))
        {
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"the readings posted to the first node reach the second node's dashboards\n{first.Log}\n{second.Log}");
            await Task.Delay(200);
        }

        // Then, over a few seconds: every zone's status comes from the node that steps it (each message holds one node's
        // zones, so no zone is sent by two nodes), the clock from one node, and the readings were sent once.
        statuses.Clear();
        Interlocked.Exchange(ref clocks, 0);
        var listened = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(6));
        var heard = statuses.ToArray();
        var clocked = Volatile.Read(ref clocks);
        var window = listened.Elapsed;
        // A loaded machine may wake from the delay late: the most messages follow from the time really listened.
        var most = (int)Math.Ceiling(window.TotalSeconds) + 2;

        readings.Count(r => r.Contains("s0")).Should().Be(1, "one node ingested the readings, and only it sends them");
        heard.SelectMany(z => z).Distinct().Should().BeEquivalentTo(ZoneIds, "every zone's status reaches the dashboard, whichever node steps it");
        heard.Should().OnlyContain(z => heldBy.Values.Any(held => z.All(held.Contains)), "a node sends the statuses of the zones it steps, and only those");
        foreach (var zone in ZoneIds)
        {
            heard.Count(z => z.Contains(zone)).Should().BeInRange(1, most, $"zone {zone}'s status comes about once a second from one node, not from each (over {window.TotalSeconds:0.0} s)");
        }

        clocked.Should().BeInRange(1, most, $"the clock comes about once a second from one node, not from each (over {window.TotalSeconds:0.0} s)");
    }

    /// <summary>Two nodes on a throwaway Redis and a new database holding the twelve zones, settled (as the second node sees them).</summary>
    private async Task<TwoNodes> TwoNodesAsync()
    {
        var redis = await RedisServer.StartAsync();
        ServeProcess? first = null;
        ServeProcess? second = null;
        try
        {
            _database = postgres.CreateDatabase();
            var db = postgres.Uri(_database);
            (await CliRunner.RunAsync("zones", "import", WriteZones(), "--db", db)).ExitCode.Should().Be(0);
            // The nodes read their zones' readings back from the store only every 10 minutes: what reaches a node within
            // the tests' waits was relayed to it by the node the readings were posted to.
            var readBackRarely = new Dictionary<string, string> { ["Surgewatch__Cluster__ReadBackEvery"] = "00:10:00" };
            first = await ServeProcess.StartAsync(db, Key, readBackRarely, Node(redis));
            second = await ServeProcess.StartAsync(db, Key, readBackRarely, Node(redis));
            var nodes = (await SettledAsync(second, n => Split(n, 2, ZoneIds.Length), first))["nodes"]!.AsArray();
            return new TwoNodes(redis, first, second, nodes);
        }
        catch
        {
            // Started, not handed over: stopped here.
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            if (first is not null)
            {
                await first.DisposeAsync();
            }

            redis.Dispose();
            throw;
        }
    }

    private sealed record TwoNodes(RedisServer Redis, ServeProcess First, ServeProcess Second, JsonArray Nodes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
            Redis.Dispose();
        }
    }

    private static async Task PostAsync(ServeProcess node, int persons)
    {
        using var http = new HttpClient { BaseAddress = node.Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        var at = TimeProvider.System.GetUtcNow();
        var label = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var readings = ZoneIds.Select((_, i) => new { sensorId = $"s{i}", timestamp = label, value = persons }).ToList();
        (await http.PostAsJsonAsync("/api/v1/readings", readings)).EnsureSuccessStatusCode();
    }

    /// <summary>Polls the node's zone statuses until <paramref name="count"/> of them have a person count, <paramref name="persons"/> when given (relayed within a second; up to 90 s, as a CI machine shares its two cores with other test runs).</summary>
    private static async Task<List<JsonNode?>> StatusesWithPersonsAsync(ServeProcess node, int count, double? persons = null)
    {
        using var http = new HttpClient { BaseAddress = node.Url };
        var clock = Stopwatch.StartNew();
        JsonArray? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            last = (await http.GetFromJsonAsync<JsonNode>("/api/v1/zones/status"))!.AsArray();
            if (last.Count == count && last.All(s => s!["persons"] is { } shown && (persons is null || (double)shown == persons)))
            {
                return [.. last];
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The node's zones did not show the readings within 90 s: {last?.ToJsonString()}\n{node.Log}");
    }

    private string WriteZones() => ClusterProcesses.WriteZones(_dir.File("zones.geojson"), ZoneIds, i => $"s{i}");

    public void Dispose()
    {
        if (_database is not null)
        {
            postgres.DropDatabase(_database);
        }

        _dir.Dispose();
    }
}

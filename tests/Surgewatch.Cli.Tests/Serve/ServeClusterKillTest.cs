using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Surgewatch.Tests.Postgres;
using Surgewatch.Tests.Redis;
using Surgewatch.Tests.Shared;
using static Surgewatch.Cli.Tests.Serve.ClusterProcesses;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// The issue's end to end with real processes: three <c>serve --cluster</c> nodes on a throwaway Redis and PostgreSQL,
/// a zone fires on readings posted to node 1 and is acknowledged through a node that does not hold it, then the node holding it is killed with SIGKILL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ServeClusterKillTest(PostgresServer postgres) : IDisposable
{
    private const string Key = "cluster-kill-test-bootstrap-key-0123456789";
    private const string Secret = "cluster-kill-test-webhook-secret";
    private static readonly string[] ZoneIds = [.. Enumerable.Range(0, 12).Select(i => $"k{i}")];
    private readonly TempDirectory _dir = new();
    private string? _database;

    [RequiresRedisAndPostgresFact]
    public async Task Serve_HolderOfAFiringAcknowledgedZoneKilled_SurvivorKeepsItFiringAndAcknowledgedWithoutASecondFiringNotification()
    {
        using var redis = await RedisServer.StartAsync();
        using var receiver = new WebhookReceiver();
        _database = postgres.CreateDatabase();
        var db = postgres.Uri(_database);
        (await CliRunner.RunAsync("zones", "import", WriteZones(), "--db", db)).ExitCode.Should().Be(0);
        // The zone rules fire at the first step that meets a level (the default waits 5 minutes); notifications go to the receiver.
        var settings = new Dictionary<string, string>
        {
            ["Surgewatch__ZonePendingFor"] = "00:00:00",
            ["Surgewatch__Notifications__Webhook__Url"] = receiver.Url,
            ["Surgewatch__Notifications__Webhook__Secret"] = Secret,
        };
        await using var first = await ServeProcess.StartAsync(db, Key, settings, Node(redis));
        await using var second = await ServeProcess.StartAsync(db, Key, settings, Node(redis));
        await using var third = await ServeProcess.StartAsync(db, Key, settings, Node(redis));
        ServeProcess[] all = [first, second, third];
        var nodes = (await SettledAsync(first, n => Split(n, 3, ZoneIds.Length, someEach: false), second, third))["nodes"]!.AsArray();

        // A zone another node holds (where node 1 holds none, any): the readings reach its holder through the store,
        // and the acknowledgement, through a node that does not hold it, goes to the holder through the zone's grain.
        var zone = ZoneIds.FirstOrDefault(z => !ZonesOf(nodes, Url(first)).Contains(z)) ?? ZoneIds[0];
        var holder = all.Single(n => ZonesOf(nodes, Url(n)).Contains(zone));
        var acking = holder == first ? second : first;
        var alertKey = $"density-warning/{zone}";
        await PostAsync(first, zone);
        var fired = await ListedAsync(acking, alertKey, a => (string)a["state"]! == "firing");
        var firing = await receiver.FiringOfAsync(alertKey, TimeSpan.FromSeconds(60));

        using var operatorClient = Client(acking);
        var ack = await operatorClient.PostAsJsonAsync($"/api/v1/alerts/{Uri.EscapeDataString(alertKey)}/ack", new { note = "stewards sent" });
        ack.StatusCode.Should().Be(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());
        (await ack.Content.ReadFromJsonAsync<JsonNode>())!["acknowledged"]!.GetValue<bool>().Should().BeTrue();
        await ListedAsync(holder, alertKey, a => a["acknowledged"]!.GetValue<bool>());

        await holder.KillAsync();
        var survivors = all.Where(n => n != holder).ToArray();
        var after = (await SettledAsync(survivors[0], n => Split(n, 2, ZoneIds.Length, someEach: false), survivors[1]))["nodes"]!.AsArray();
        var heir = survivors.Single(n => ZonesOf(after, Url(n)).Contains(zone));

        // The heir lists the alert from its own monitor once it has stepped the zone (it restores the snapshot first).
        var resumed = await ListedAsync(heir, alertKey, a => true);
        resumed["state"]!.GetValue<string>().Should().Be("firing", "the readings still meet the level; the survivor resumed the episode");
        resumed["acknowledged"]!.GetValue<bool>().Should().BeTrue("the acknowledgement was saved in the store by the killed node");
        resumed["since"]!.GetValue<DateTimeOffset>().Should().Be(fired["since"]!.GetValue<DateTimeOffset>(), "the episode continues; no new one started");
        foreach (var survivor in survivors)
        {
            await ListedAsync(survivor, alertKey, a => (string)a["state"]! == "firing" && a["acknowledged"]!.GetValue<bool>());
        }

        // The heir has stepped the zone for a while (its zone status is fresh); no second firing notification came.
        await receiver.QuietAsync(TimeSpan.FromSeconds(5));
        receiver.Firings(alertKey).Select(r => r.DeliveryId).Distinct().Should().Equal([firing.DeliveryId], "the episode was notified once, before the kill");
        receiver.Firings(alertKey).Should().OnlyContain(r => r.DeliveryId == r.BodyDeliveryId, "the header carries the signed body's delivery id");
    }

    private static HttpClient Client(ServeProcess node)
    {
        var http = new HttpClient { BaseAddress = node.Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
        return http;
    }

    /// <summary>Posts this minute's reading of every zone: 3 persons on the zone's one square metre for <paramref name="firing"/> (above the warning level of 2 persons/m²), 1 for the others.</summary>
    private static async Task PostAsync(ServeProcess node, string firing)
    {
        using var http = Client(node);
        var at = TimeProvider.System.GetUtcNow();
        var label = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var readings = ZoneIds.Select((z, i) => new { sensorId = $"ks{i}", timestamp = label, value = z == firing ? 3 : 1 }).ToList();
        (await http.PostAsJsonAsync("/api/v1/readings", readings)).EnsureSuccessStatusCode();
    }

    /// <summary>Polls the node's alerts until it lists <paramref name="key"/> as <paramref name="seen"/> says (up to 90 s: a CI machine shares two cores).</summary>
    private static async Task<JsonNode> ListedAsync(ServeProcess node, string key, Func<JsonNode, bool> seen)
    {
        using var http = new HttpClient { BaseAddress = node.Url };
        var clock = Stopwatch.StartNew();
        JsonArray? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            last = (await http.GetFromJsonAsync<JsonNode>("/api/v1/alerts"))!.AsArray();
            if (last.FirstOrDefault(a => (string)a!["key"]! == key) is { } alert && seen(alert))
            {
                return alert;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{node.Url} did not list {key} as expected within 90 s: {last?.ToJsonString()}\n{node.Log}");
    }

    private string WriteZones()
    {
        // One square metre each, so that a count is a density.
        var features = ZoneIds.Select((id, i) =>
        {
            var x = 144.96 + (i * 0.001);
            return new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = new JsonObject
                {
                    ["id"] = id, ["name"] = $"Zone {id}", ["areaM2"] = 1,
                    ["sources"] = new JsonArray(new JsonObject { ["sensorId"] = $"ks{i}", ["role"] = "occupancy" }),
                },
                ["geometry"] = new JsonObject
                {
                    ["type"] = "Polygon",
                    ["coordinates"] = new JsonArray(new JsonArray(Point(x, -37.811), Point(x + 0.0001, -37.811), Point(x + 0.0001, -37.8109), Point(x, -37.8109), Point(x, -37.811))),
                },
            };
        });
        var file = _dir.File("zones.geojson");
        File.WriteAllText(file, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString());
        return file;
    }

    private static JsonArray Point(double x, double y) => new(x, y);

    public void Dispose()
    {
        if (_database is not null)
        {
            postgres.DropDatabase(_database);
        }

        _dir.Dispose();
    }

    /// <summary>One notification the receiver took: its <c>X-Surgewatch-Delivery</c> header and its body's fields.</summary>
    private sealed record Received(string? DeliveryId, string? BodyDeliveryId, string? AlertKey, string? Kind);

    /// <summary>A local webhook receiver: records each POST's delivery id header and body, answers 200.</summary>
    private sealed class WebhookReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<Received> _received = new();
        private long _lastAt = Stopwatch.GetTimestamp();

        public WebhookReceiver()
        {
            Url = $"http://127.0.0.1:{ServeProcessHost.FreePort()}/hook/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }

        public List<Received> Firings(string alertKey) => [.. _received.Where(r => r.AlertKey == alertKey && r.Kind == "firing")];

        /// <summary>The first firing notification of <paramref name="alertKey"/>, waiting up to <paramref name="timeout"/>.</summary>
        public async Task<Received> FiringOfAsync(string alertKey, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (Firings(alertKey).FirstOrDefault() is { } firing)
                {
                    return firing;
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"No firing notification of {alertKey} within {timeout.TotalSeconds:0} s; received: {string.Join(", ", _received.Select(r => $"{r.AlertKey} {r.Kind}"))}");
        }

        /// <summary>Waits until nothing has arrived for <paramref name="quiet"/>.</summary>
        public async Task QuietAsync(TimeSpan quiet)
        {
            while (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastAt)) < quiet)
            {
                await Task.Delay(250);
            }
        }

        public void Dispose() => _listener.Close();

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return; // closed
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    var body = JsonNode.Parse(await reader.ReadToEndAsync());
                    _received.Enqueue(new Received(context.Request.Headers["X-Surgewatch-Delivery"], (string?)body?["deliveryId"], (string?)body?["alertKey"], (string?)body?["kind"]));
                }

                Interlocked.Exchange(ref _lastAt, Stopwatch.GetTimestamp());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
    }
}

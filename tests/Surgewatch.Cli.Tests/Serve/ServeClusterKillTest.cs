using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Surgewatch.Tests.Postgres;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Tests.Redis;
using Surgewatch.Tests.Shared;
using static Surgewatch.Cli.Tests.Serve.ClusterProcesses;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// The end to end with real processes: three <c>serve --cluster</c> nodes on a throwaway Redis and PostgreSQL,
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
        using var receiver = new WebhookListener();
        var received = new List<WebhookRequest>();
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
        var firing = await FiringAsync(receiver, received, alertKey);

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

        // Until nothing more arrives for 5 s (the heir steps its zones every second): no second firing notification.
        received.AddRange(await receiver.DrainAsync(TimeSpan.FromSeconds(5)));
        var firings = received.Where(r => IsFiring(r, alertKey)).ToList();
        firings.Select(r => r.DeliveryId).Distinct().Should().Equal([firing.DeliveryId], "the episode was notified once, before the kill");
        firings.Should().OnlyContain(r => r.DeliveryId == (string?)JsonNode.Parse(r.Body)!["deliveryId"], "the header carries the signed body's delivery id");
    }

    /// <summary>Takes what the receiver gets into <paramref name="received"/> until the first firing notification of <paramref name="alertKey"/> (up to 60 s).</summary>
    private static async Task<WebhookRequest> FiringAsync(WebhookListener receiver, List<WebhookRequest> received, string alertKey)
    {
        while (true)
        {
            var next = await receiver.NextAsync(60);
            received.Add(next);
            if (IsFiring(next, alertKey))
            {
                return next;
            }
        }
    }

    private static bool IsFiring(WebhookRequest request, string alertKey) =>
        JsonNode.Parse(request.Body) is { } body && (string?)body["alertKey"] == alertKey && (string?)body["kind"] == "firing";

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

    /// <summary>The zones, one square metre each, so that a count is a density.</summary>
    private string WriteZones() => ClusterProcesses.WriteZones(_dir.File("zones.geojson"), ZoneIds, i => $"ks{i}", areaM2: 1);

    public void Dispose()
    {
        if (_database is not null)
        {
            postgres.DropDatabase(_database);
        }

        _dir.Dispose();
    }
}

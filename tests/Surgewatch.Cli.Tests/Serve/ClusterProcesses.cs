using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Surgewatch.Tests.Redis;
using Surgewatch.Tests.Shared;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>What the real-process cluster tests share: a node's options, its <c>/cluster</c>, waiting for the zones to settle.</summary>
internal static class ClusterProcesses
{
    /// <summary>The options that make a <c>serve</c> a node of the cluster on <paramref name="redis"/>, on free ports.</summary>
    public static string[] Node(RedisServer redis) =>
        ["--cluster", redis.Url, "--silo-port", ServeProcessHost.FreePort().ToString(CultureInfo.InvariantCulture),
         "--gateway-port", ServeProcessHost.FreePort().ToString(CultureInfo.InvariantCulture)];

    /// <summary>The node's URL as <c>/cluster</c> lists it.</summary>
    public static string Url(ServeProcess node) => node.Url.ToString().TrimEnd('/');

    public static async Task<JsonNode> ClusterAsync(ServeProcess node)
    {
        using var http = new HttpClient { BaseAddress = node.Url };
        return (await http.GetFromJsonAsync<JsonNode>("/api/v1/cluster"))!;
    }

    /// <summary>
    /// Polls <paramref name="asked"/>'s /cluster until <paramref name="settled"/> holds of it, the same in two answers a
    /// sweep apart (zones move to a node that joins over a few sweeps, which run every 2 s); up to 120 s, as a CI
    /// machine shares its two cores with other test runs.
    /// </summary>
    public static async Task<JsonNode> SettledAsync(ServeProcess asked, Func<JsonArray, bool> settled, params ServeProcess[] logs)
    {
        var clock = Stopwatch.StartNew();
        JsonNode? last = null;
        string? before = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            last = await ClusterAsync(asked);
            var nodes = last["nodes"]!.AsArray();
            var done = settled(nodes);
            if (done && nodes.ToJsonString() == before)
            {
                return last;
            }

            before = done ? nodes.ToJsonString() : null;
            await Task.Delay(2500);
        }

        throw new TimeoutException($"The cluster did not settle within 120 s: {last?.ToJsonString()}\n" +
            string.Join("\n", logs.Prepend(asked).Distinct().Select(n => $"Node {n.Url}:\n{n.Log}")));
    }

    /// <summary>
    /// Whether <paramref name="count"/> active nodes hold every one of <paramref name="zones"/> zones between them, each
    /// node some unless <paramref name="someEach"/> is false (hashing a few zones over three nodes may leave one none).
    /// </summary>
    public static bool Split(JsonArray nodes, int count, int zones, bool someEach = true) =>
        nodes.Count(n => (string)n!["status"]! == "active") == count
        && nodes.Sum(n => n!["zones"]!.AsArray().Count) == zones
        && (!someEach || nodes.Where(n => (string)n!["status"]! == "active").All(n => n!["zones"]!.AsArray().Count > 0));

    /// <summary>
    /// Writes a GeoJSON file of square zones side by side, <paramref name="ids"/>, each counted by one occupancy sensor
    /// (<paramref name="sensor"/> of the zone's index) and, when <paramref name="areaM2"/> is given, of that area (so
    /// that a count of persons is a density).
    /// </summary>
    public static string WriteZones(string file, IReadOnlyList<string> ids, Func<int, string> sensor, double? areaM2 = null)
    {
        var features = ids.Select((id, i) =>
        {
            var x = 144.96 + (i * 0.002);
            var properties = new JsonObject
            {
                ["id"] = id, ["name"] = $"Zone {i}", ["sources"] = new JsonArray(new JsonObject { ["sensorId"] = sensor(i), ["role"] = "occupancy" }),
            };
            if (areaM2 is { } area)
            {
                properties["areaM2"] = area;
            }

            return new JsonObject
            {
                ["type"] = "Feature",
                ["properties"] = properties,
                ["geometry"] = new JsonObject
                {
                    ["type"] = "Polygon",
                    ["coordinates"] = new JsonArray(new JsonArray(Point(x, -37.811), Point(x + 0.001, -37.811), Point(x + 0.001, -37.810), Point(x, -37.810), Point(x, -37.811))),
                },
            };
        });
        File.WriteAllText(file, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray([.. features]) }.ToJsonString());
        return file;
    }

    private static JsonArray Point(double x, double y) => new(x, y);

    /// <summary>The zones the node at <paramref name="url"/> holds, as <paramref name="nodes"/> lists them.</summary>
    public static List<string> ZonesOf(JsonArray nodes, string url) =>
        [.. nodes.Single(n => (string)n!["url"]! == url)!["zones"]!.AsArray().Select(z => (string)z!)];
}

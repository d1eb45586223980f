using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Surgewatch.LoadTest;

/// <summary>
/// Creates a 100 m² zone fed by one occupancy sensor, then, while a background load ingests <c>rate</c> readings/s
/// of other sensors, posts a reading above the warning density and times until the hub's <c>alert</c> message for the
/// zone arrives (state pending), then a reading below it (the alert goes inactive), and repeats.
/// </summary>
internal static class AlertLatency
{
    private const string Zone = "latency-zone";

    public static async Task<int> RunAsync(string url, string adminKey, int rate, int crossings)
    {
        using var http = IngestLoad.Client(url, adminKey, 8);
        await PostAsync(http, "/api/v1/zones", "application/json", ZoneFeature());
        var alerts = new BlockingCollection<string>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(new Uri(url), "/hubs/live")).Build();
        hub.On<JsonElement>("alert", a =>
        {
            if (a.GetProperty("zoneId").GetString() == Zone && a.GetProperty("ruleId").GetString() == "density-warning")
            {
                alerts.Add(a.GetProperty("state").GetString()!);
            }
        });
        await hub.StartAsync();
        using var stop = new CancellationTokenSource();
        var load = LoadAsync(http, rate, stop.Token);
        var latencies = new List<double>();
        for (var i = 0; i < crossings; i++)
        {
            latencies.Add(await CrossAsync(http, alerts, 250, "pending"));
            await CrossAsync(http, alerts, 10, "inactive");
        }

        await stop.CancelAsync();
        var achieved = await load;
        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"background ingest {achieved:N0} readings/s (target {rate:N0}); {crossings} crossings: alert latency ms " +
            $"p50={IngestLoad.P(sorted, 0.5):N1} p90={IngestLoad.P(sorted, 0.9):N1} p99={IngestLoad.P(sorted, 0.99):N1} max={sorted[^1]:N1}");
        return 0;
    }

    private static async Task<double> CrossAsync(HttpClient http, BlockingCollection<string> alerts, double persons, string expected)
    {
        await Task.Delay(1100);
        while (alerts.TryTake(out _))
        {
        }

        var started = Stopwatch.GetTimestamp();
        var stamp = TimeProvider.System.GetUtcNow();
        var body = $"{{\"sensorId\":\"{Zone}-occ\",\"timestamp\":\"{stamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\",\"value\":{persons}}}\n";
        await PostAsync(http, "/api/v1/readings", "application/x-ndjson", body);
        while (true)
        {
            if (!alerts.TryTake(out var state, TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"No '{expected}' alert within 10 s.");
            }

            if (state == expected)
            {
                return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
    }

    // Batches of 1,000 readings paced to the rate; returns the rate achieved.
    private static async Task<double> LoadAsync(HttpClient http, int rate, CancellationToken stop)
    {
        var perSecond = Math.Max(1, rate / Bodies.PerBatch);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var due = TimeSpan.FromSeconds((double)sent / perSecond);
                if (clock.Elapsed < due)
                {
                    await Task.Delay(due - clock.Elapsed, stop);
                }

                await PostAsync(http, "/api/v1/readings", "application/x-ndjson", Encoding.UTF8.GetString(Bodies.Batch(sent, false, "bg")));
                sent++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        return sent * Bodies.PerBatch / clock.Elapsed.TotalSeconds;
    }

    private static async Task PostAsync(HttpClient http, string path, string mediaType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string ZoneFeature() =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},"
        + $"\"properties\":{{\"id\":\"{Zone}\",\"name\":\"Latency zone\",\"areaM2\":100,\"sources\":[{{\"sensorId\":\"{Zone}-occ\",\"role\":\"occupancy\"}}]}}}}";
}

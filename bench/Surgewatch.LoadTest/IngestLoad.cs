using System.Diagnostics;
using System.Net.Http.Headers;

namespace Surgewatch.LoadTest;

/// <summary>POSTs pre-built batches of readings new to the store (sensor ids unique to the run) over several concurrent keep-alive connections; prints readings/s and latency percentiles.</summary>
internal static class IngestLoad
{
    public static async Task<int> RunAsync(string url, string key, int connections, int batches, string format)
    {
        var json = format == "json";
        var bodies = new byte[batches][];
        var run = "r" + (Stopwatch.GetTimestamp() % 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        Parallel.For(0, batches, b => bodies[b] = Bodies.Batch(b, json, run));
        using var http = Client(url, key, connections);
        var latencies = new double[batches];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[b]);
                content.Headers.ContentType = new MediaTypeHeaderValue(json ? "application/json" : "application/x-ndjson");
                using var response = await http.PostAsync("/api/v1/readings", content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                latencies[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"format={format} connections={connections} batches={batches}x{Bodies.PerBatch}: {batches * Bodies.PerBatch / seconds:N0} readings/s over {seconds:N2} s; " +
            $"latency ms p50={P(latencies, 0.50):N1} p90={P(latencies, 0.90):N1} p99={P(latencies, 0.99):N1} max={latencies[^1]:N1}");
        return 0;
    }

    public static HttpClient Client(string url, string key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public static double P(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}

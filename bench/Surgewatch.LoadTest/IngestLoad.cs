using System.Diagnostics;
using System.Net.Http.Headers;

namespace Surgewatch.LoadTest;

/// <summary>POSTs pre-built batches of readings new to the store (sensor ids unique to the run) over several concurrent keep-alive connections; prints readings/s and latency percentiles.</summary>
internal static class IngestLoad
{
    /// <summary>
    /// Runs the load; <paramref name="client"/> is <c>socket</c> (pre-built requests on raw keep-alive sockets, see
    /// <see cref="SocketHttp"/>) or <c>httpclient</c> (one <see cref="HttpClient"/>, as before).
    /// </summary>
    public static async Task<int> RunAsync(string url, string key, int connections, int batches, string format, string client = "socket")
    {
        var json = format == "json";
        var bodies = new byte[batches][];
        var run = "r" + (Stopwatch.GetTimestamp() % 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        Parallel.For(0, batches, b => bodies[b] = Bodies.Batch(b, json, run));
        var latencies = new double[batches];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = client switch
        {
            "socket" => await RunSocketsAsync(url, key, connections, bodies, json, latencies),
            "httpclient" => await RunHttpClientAsync(url, key, connections, bodies, json, latencies),
            _ => throw new ArgumentException($"Unknown client '{client}'; use socket or httpclient.", nameof(client)),
        };
        // The client's own CPU while it ran (it shares the server's cores), including building the requests of the socket client.
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var seconds = clock.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"format={format} client={client} connections={connections} batches={batches}x{Bodies.PerBatch}: {batches * Bodies.PerBatch / seconds:N0} readings/s over {seconds:N2} s; " +
            $"latency ms p50={P(latencies, 0.50):N1} p90={P(latencies, 0.90):N1} p99={P(latencies, 0.99):N1} max={latencies[^1]:N1}; client CPU {clientCpu.TotalMilliseconds / batches:N2} ms/batch");
        return 0;
    }

    private static async Task<TimeSpan> RunSocketsAsync(string url, string key, int connections, byte[][] bodies, bool json, double[] latencies)
    {
        var baseAddress = new Uri(url);
        var contentType = json ? "application/json" : "application/x-ndjson";
        var requests = new byte[bodies.Length][];
        Parallel.For(0, bodies.Length, b => requests[b] = SocketHttp.Request(baseAddress, "/api/v1/readings", key, contentType, bodies[b]));
        var sockets = new SocketHttp[connections];
        for (var c = 0; c < connections; c++)
        {
            sockets[c] = await SocketHttp.ConnectAsync(baseAddress);
        }

        var next = -1;
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(sockets.Select(async socket =>
            {
                int b;
                while ((b = Interlocked.Increment(ref next)) < requests.Length)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (status, reply) = await socket.SendAsync(requests[b]);
                    if (status is < 200 or > 299)
                    {
                        throw new InvalidOperationException($"HTTP {status}: {reply}");
                    }

                    latencies[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }
        }
    }

    private static async Task<TimeSpan> RunHttpClientAsync(string url, string key, int connections, byte[][] bodies, bool json, double[] latencies)
    {
        var batches = bodies.Length;
        using var http = Client(url, key, connections);
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
        return clock.Elapsed;
    }

    public static HttpClient Client(string url, string key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    public static double P(double[] sorted, double p) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}

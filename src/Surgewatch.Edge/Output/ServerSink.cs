using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Polly;
using Polly.Retry;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>The server refused the readings for a reason retrying cannot fix (a wrong key, a refused batch).</summary>
public sealed class ServerRefusedException(string message) : Exception(message);

/// <summary>
/// Posts readings to a Surgewatch server's <c>POST /api/v1/readings</c> with an ingest key. Every interval is first
/// appended to a disk buffer (counts only, NDJSON), then the whole buffer is sent with retries and back-off, and
/// deleted once accepted; while the server is unreachable the buffer grows and is resent at the next interval, so no
/// interval is lost. A buffer left by an earlier run is sent first.
/// </summary>
public sealed class ServerSink : IReadingSink
{
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _bufferPath;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <summary>A sink posting to <paramref name="server"/> (its base URL, or the readings endpoint itself).</summary>
    public ServerSink(HttpClient http, Uri server, string key, string bufferPath, TimeSpan firstRetryDelay)
    {
        _http = http;
        _endpoint = server.AbsolutePath.TrimEnd('/').EndsWith("/api/v1/readings", StringComparison.Ordinal) ? server : new Uri(server, "api/v1/readings");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _bufferPath = bufferPath;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = firstRetryDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TaskCanceledException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests),
            })
            .Build();
        Pending = File.Exists(bufferPath) ? File.ReadAllLines(bufferPath).Length : 0;
    }

    /// <inheritdoc/>
    public int Pending { get; private set; }

    /// <summary>Times a send attempt (after its retries) left readings in the buffer.</summary>
    public int FailedSends { get; private set; }

    /// <inheritdoc/>
    public async Task WriteAsync(IReadOnlyList<EdgeReading> readings, CancellationToken cancellation)
    {
        if (readings.Count > 0)
        {
            await File.AppendAllTextAsync(_bufferPath, ReadingsNdjson.Format(readings), cancellation);
            Pending += readings.Count;
        }

        await FlushAsync(cancellation);
    }

    /// <summary>Sends the buffer now; true when nothing is left pending.</summary>
    /// <exception cref="ServerRefusedException">The server refused the key or the batch (4xx other than 429).</exception>
    public async Task<bool> FlushAsync(CancellationToken cancellation)
    {
        if (Pending == 0 || !File.Exists(_bufferPath))
        {
            return true;
        }

        var body = await File.ReadAllTextAsync(_bufferPath, cancellation);
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async token => await _http.PostAsync(_endpoint, new StringContent(body, Encoding.UTF8, "application/x-ndjson"), token), cancellation);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            FailedSends++;
            return false;
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                File.Delete(_bufferPath);
                Pending = 0;
                return true;
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                FailedSends++;
                return false;
            }

            var detail = await response.Content.ReadAsStringAsync(cancellation);
            throw new ServerRefusedException($"--post {_endpoint}: the server refused the readings ({(int)response.StatusCode} {response.ReasonPhrase}){(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "; check --key is an ingest key" : string.Empty)}: {Trim(detail)}");
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300];
}

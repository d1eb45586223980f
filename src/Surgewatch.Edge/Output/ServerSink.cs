using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>
/// Posts readings to a Surgewatch server's <c>POST /api/v1/readings</c> with an ingest key, off the counting loop.
/// <see cref="WriteAsync"/> only appends an interval's readings to the disk buffer (counts only) and wakes a background
/// sender, so a slow or absent server never slows the counting. The sender posts the buffer's oldest readings in
/// order and removes them only once the server answers 2xx; a failure (no connection, a timeout, 5xx, 429) backs off,
/// doubling from the first delay up to the longest, and the back-off carries over from one interval to the next. A
/// refusal retrying cannot fix (400, 401, 403, 413, 422, …) stops the sending for the run and keeps the buffer, so the
/// readings are sent by a later run once the key or server is fixed; <see cref="Refusal"/> says why. A buffer left by
/// an earlier run is sent first.
/// </summary>
public sealed class ServerSink : IReadingSink
{
    /// <summary>Readings per POST: a few days of one camera's 1-minute intervals, far under the server's body limit.</summary>
    private const int BatchSize = 2000;

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly ReadingBuffer _buffer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _firstDelay;
    private readonly TimeSpan _longestDelay;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;
    private volatile string? _refusal;
    private int _failedSends;

    /// <summary>A sink posting to <paramref name="server"/> (its base URL, or the readings endpoint itself).</summary>
    /// <param name="http">The client; its timeout bounds one POST.</param>
    /// <param name="server">The server's base URL or readings endpoint.</param>
    /// <param name="key">An ingest API key.</param>
    /// <param name="buffer">The disk buffer, already opened (and so known to be writable).</param>
    /// <param name="firstDelay">The back-off after the first failure; it doubles after each further one.</param>
    /// <param name="longestDelay">The longest back-off.</param>
    /// <param name="time">The clock the back-off waits on.</param>
    public ServerSink(HttpClient http, Uri server, string key, ReadingBuffer buffer, TimeSpan firstDelay, TimeSpan longestDelay, TimeProvider time)
    {
        _http = http;
        _endpoint = server.AbsolutePath.TrimEnd('/').EndsWith("/api/v1/readings", StringComparison.Ordinal) ? server : new Uri(server, "api/v1/readings");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _buffer = buffer;
        _time = time;
        _firstDelay = firstDelay;
        _longestDelay = longestDelay;
        _wake.Writer.TryWrite(true);
        _sender = Task.Run(() => SendLoopAsync(_stop.Token));
    }

    /// <summary>A sink with a buffer at <paramref name="bufferPath"/>, backing off from <paramref name="firstDelay"/> up to 60 s.</summary>
    public ServerSink(HttpClient http, Uri server, string key, string bufferPath, TimeSpan firstDelay)
        : this(http, server, key, ReadingBuffer.Open(bufferPath), firstDelay, TimeSpan.FromSeconds(60), TimeProvider.System)
    {
    }

    /// <inheritdoc/>
    public int Pending => _buffer.Count;

    /// <summary>POSTs that failed and were backed off from (no connection, timeout, 5xx, 429).</summary>
    public int FailedSends => Volatile.Read(ref _failedSends);

    /// <summary>Why the server refused the readings, when it did; the sending stopped then and the buffer was kept.</summary>
    public string? Refusal => _refusal;

    /// <inheritdoc/>
    public Task WriteAsync(IReadOnlyList<EdgeReading> readings, CancellationToken cancellation)
    {
        _buffer.Append(readings);
        _wake.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<bool> DrainAsync(TimeSpan within, CancellationToken cancellation)
    {
        var waited = _time.GetTimestamp();
        while (Pending > 0 && _refusal is null && !_sender.IsCompleted && _time.GetElapsedTime(waited) < within)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellation);
        }

        return Pending == 0;
    }

    /// <summary>Stops the sender, abandoning a POST in flight (its readings stay in the buffer).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _wake.Writer.TryComplete();
        try
        {
            await _sender;
        }
        catch (OperationCanceledException)
        {
            // Stopping mid-POST or mid-back-off is how the sender ends; nothing is lost, the buffer keeps the readings.
        }

        _stop.Dispose();
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        var delay = _firstDelay;
        while (await _wake.Reader.WaitToReadAsync(stop) && _wake.Reader.TryRead(out _))
        {
            while (_buffer.Oldest(BatchSize) is { Count: > 0 } batch)
            {
                var outcome = await SendAsync(batch, stop);
                if (outcome == Outcome.Refused)
                {
                    return;
                }

                if (outcome == Outcome.Accepted)
                {
                    _buffer.Remove(batch.Count);
                    delay = _firstDelay;
                    continue;
                }

                Interlocked.Increment(ref _failedSends);
                await Task.Delay(delay, _time, stop);
                delay = delay * 2 < _longestDelay ? delay * 2 : _longestDelay;
            }
        }
    }

    private async Task<Outcome> SendAsync(IReadOnlyList<string> batch, CancellationToken stop)
    {
        var body = new StringContent(string.Concat(batch.Select(line => line + "\n")), Encoding.UTF8, "application/x-ndjson");
        try
        {
            using var response = await _http.PostAsync(_endpoint, body, stop);
            if (response.IsSuccessStatusCode)
            {
                return Outcome.Accepted;
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            {
                return Outcome.Failed;
            }

            var detail = await response.Content.ReadAsStringAsync(stop);
            _refusal = $"--post {_endpoint}: the server refused the readings ({(int)response.StatusCode} {response.ReasonPhrase}){(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "; check --key is an ingest key" : string.Empty)}: {Trim(detail)}; sending stopped, {Pending} readings kept in the buffer for the next run.";
            return Outcome.Refused;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            return Outcome.Failed;
        }
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300];

    private enum Outcome
    {
        Accepted,
        Failed,
        Refused,
    }
}

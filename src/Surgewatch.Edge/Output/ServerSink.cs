using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Surgewatch.Core.Edge;

namespace Surgewatch.Edge.Output;

/// <summary>
/// Posts readings to a Surgewatch server's <c>POST /api/v1/readings</c> with an ingest key, off the counting loop.
/// <see cref="WriteAsync"/> only appends an interval's readings to the disk buffer (counts only) and wakes a background
/// sender, so a slow or absent server never slows the counting. The sender posts the buffer's oldest readings in
/// order and removes them only once the server answers 2xx; a failure (no connection, a timeout, 5xx, 429) backs off,
/// doubling from the first delay up to the longest, and the back-off carries over from one interval to the next. A
/// batch refused as malformed (400, or 422 for a privacy refusal) is never sent again as it is: the sender halves the
/// batch until the refused line is alone, sets that line aside in <see cref="ReadingBuffer.RefusedPath"/> with a
/// notice (<see cref="TryTakeNotice"/>), and goes on with the rest (the batch grows back by doubling after each success).
/// A batch over the server's body limit (413) is halved too, and set aside only when a single line is over it. Any
/// other refusal retrying cannot fix (401, 403, 415, …) concerns every reading alike, such as a wrong key: it
/// stops the sending for the run and keeps the buffer, so the readings are sent by a later run once the key or server
/// is fixed; <see cref="Refusal"/> says why. A buffer left by an earlier run is sent first.
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
    private readonly ConcurrentQueue<string> _notices = new();
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

    /// <summary>
    /// Takes the next notice, if any: one line for each reading set aside as malformed, naming the file and the server's
    /// message, in the order they were set aside (the sender runs on its own thread; the caller prints them).
    /// </summary>
    public bool TryTakeNotice(out string notice) => _notices.TryDequeue(out notice!);

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
        var size = BatchSize;
        while (await _wake.Reader.WaitToReadAsync(stop) && _wake.Reader.TryRead(out _))
        {
            while (_buffer.Oldest(size) is { Count: > 0 } batch)
            {
                var (outcome, detail) = await SendAsync(batch, stop);
                if (outcome == Outcome.Refused)
                {
                    return;
                }

                if (outcome == Outcome.Accepted)
                {
                    _buffer.Remove(batch.Count);
                    delay = _firstDelay;
                    size = Math.Min(BatchSize, size * 2);
                    continue;
                }

                if (outcome is Outcome.Malformed or Outcome.TooLarge)
                {
                    // The server stores a batch whole or not at all: halve until the refused line is alone, so the
                    // lines sent with it are not lost with it (a batch over the body limit fits once halved enough).
                    size = Math.Max(1, batch.Count / 2);
                    if (batch.Count == 1)
                    {
                        _buffer.SetAside(1);
                        _notices.Enqueue($"warning: --post {_endpoint}: the server refused a reading as malformed ({detail}); moved it to {_buffer.RefusedPath} and went on sending the rest (fix it there and send it with `surgewatch ingest`, or delete it).");
                    }

                    continue;
                }

                Interlocked.Increment(ref _failedSends);
                await Task.Delay(delay, _time, stop);
                delay = delay * 2 < _longestDelay ? delay * 2 : _longestDelay;
            }
        }
    }

    private async Task<(Outcome Outcome, string? Detail)> SendAsync(IReadOnlyList<string> batch, CancellationToken stop)
    {
        var body = new StringContent(string.Concat(batch.Select(line => line + "\n")), Encoding.UTF8, "application/x-ndjson");
        try
        {
            using var response = await _http.PostAsync(_endpoint, body, stop);
            if (response.IsSuccessStatusCode)
            {
                return (Outcome.Accepted, null);
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
            {
                return (Outcome.Failed, null);
            }

            var detail = Detail(await response.Content.ReadAsStringAsync(stop));
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
            {
                return (Outcome.Malformed, $"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
            }

            if (response.StatusCode is HttpStatusCode.RequestEntityTooLarge)
            {
                return (Outcome.TooLarge, $"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
            }

            _refusal = $"--post {_endpoint}: the server refused the readings ({(int)response.StatusCode} {response.ReasonPhrase}){(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden ? "; check --key is an ingest key" : string.Empty)}: {detail}; sending stopped, {Pending} readings kept in the buffer for the next run.";
            return (Outcome.Refused, null);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            return (Outcome.Failed, null);
        }
    }

    /// <summary>A problem answer's <c>detail</c> (else its <c>title</c>), or the body as it is; at most 300 characters.</summary>
    private static string Detail(string body)
    {
        var text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && (json.RootElement.TryGetProperty("detail", out var field) || json.RootElement.TryGetProperty("title", out field))
                && field.ValueKind == JsonValueKind.String)
            {
                text = field.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the body is the message.
        }

        return text.Length <= 300 ? text : text[..300];
    }

    private enum Outcome
    {
        Accepted,
        Failed,
        Malformed,
        TooLarge,
        Refused,
    }
}

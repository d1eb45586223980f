using System.Diagnostics;
using System.Net.Http.Headers;

namespace Surgewatch.Cli.Tests.Serve;

/// <summary>
/// Several concurrent clients, each posting batches of new readings back to back over its own keep-alive connection
/// until the server is gone. They never pause for the kill, so it lands on a server busy with their requests. Every
/// batch is recorded before it is sent, so afterwards each one is acknowledged, without a reply, or failed.
/// </summary>
internal sealed class IngestClients
{
    private const int MinBatch = 200;
    private const int MaxBatch = 1_000;
    private readonly List<TrackedBatch> _batches = [];
    private readonly TaskCompletionSource _firstAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _outstanding;
    private volatile bool _killing;

    /// <summary>Completes when the server has acknowledged a batch, so the clients are past their warm-up.</summary>
    public Task FirstAcknowledged => _firstAcknowledged.Task;

    /// <summary>Requests sent whose reply has not arrived yet.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Every batch posted so far; read it once the clients have ended.</summary>
    public IReadOnlyList<TrackedBatch> Batches
    {
        get
        {
            lock (_batches)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Runs <paramref name="clients"/> clients until each has lost its connection after <see cref="KillWhileInFlightAsync"/>.</summary>
    public async Task RunAsync(Uri server, string key, int clients, Random random)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var seeds = Enumerable.Range(0, clients).Select(_ => random.Next()).ToArray();
        await Task.WhenAll(seeds.Select(seed => Task.Run(() => PostUntilKilledAsync(http, new Random(seed)))));
    }

    /// <summary>
    /// Waits until at least one request is outstanding, then runs <paramref name="kill"/> while the clients go on
    /// posting; from then on a lost connection is the expected end of a client. Returns the requests outstanding
    /// just before the kill.
    /// </summary>
    public async Task<int> KillWhileInFlightAsync(Func<Task> kill, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (Outstanding == 0 && waited.Elapsed < timeout)
        {
            await Task.Delay(1);
        }

        _killing = true;
        var inFlight = Outstanding;
        await kill();
        return inFlight;
    }

    private async Task PostUntilKilledAsync(HttpClient http, Random random)
    {
        while (true)
        {
            var batch = Track(random.Next(MinBatch, MaxBatch + 1));
            using var content = new ByteArrayContent(batch.Body());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            Interlocked.Increment(ref _outstanding);
            batch.Sent(beforeKill: !_killing);
            try
            {
                using var response = await http.PostAsync("api/v1/readings", content);
                batch.Settle(response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.Sockets.SocketException or TaskCanceledException)
            {
                // After the kill a lost connection is the expected end; before it, the server failed on its own.
                if (_killing)
                {
                    batch.NoReply();
                    return;
                }

                batch.Fail(e.Message);
            }
            finally
            {
                Interlocked.Decrement(ref _outstanding);
            }

            if (batch.Outcome == BatchOutcome.Acknowledged)
            {
                _firstAcknowledged.TrySetResult();
            }
            else
            {
                _firstAcknowledged.TrySetException(new InvalidOperationException($"{batch} failed before the kill: {batch.Failure}"));
                return;
            }
        }
    }

    private TrackedBatch Track(int size)
    {
        lock (_batches)
        {
            var batch = new TrackedBatch(_batches.Count + 1, size);
            _batches.Add(batch);
            return batch;
        }
    }
}

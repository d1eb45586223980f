using System.Diagnostics;
using System.Net;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Output;

namespace Surgewatch.Edge.Tests.Output;

public sealed class ServerSinkTest : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);
    // Generous: a drain returns as soon as the buffer is empty, and a loaded CI machine can hold the sender up for seconds.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A server whose answer to each POST the test scripts: refuse the connection, hang, or reply with a status.</summary>
    private sealed class FakeServer : HttpMessageHandler
    {
        public Func<int, HttpStatusCode?> Reply { get; set; } = _ => HttpStatusCode.OK;

        public List<string> Received { get; } = [];

        public List<string?> Keys { get; } = [];

        public int Attempts { get; private set; }

        /// <summary>When set, a refused connection comes out as the bare socket error HttpClient sometimes lets through.</summary>
        public bool BareSocketErrors { get; set; }

        /// <summary>When set, a batch with a line containing this is refused whole with 400 naming the line, as the server does.</summary>
        public string? RefuseLinesWith { get; set; }

        /// <summary>When set, a body with more lines than this is refused with 413, as a server with a smaller body limit does.</summary>
        public int? MostLines { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            lock (Received)
            {
                Attempts++;
            }

            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var bad = RefuseLinesWith is null ? -1 : Array.FindIndex(lines, line => line.Contains(RefuseLinesWith, StringComparison.Ordinal));
            if (lines.Length > MostLines)
            {
                return new HttpResponseMessage(HttpStatusCode.RequestEntityTooLarge) { Content = new StringContent("{\"title\":\"The request body is too large\"}") };
            }

            if (bad >= 0)
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent($"{{\"title\":\"The batch was refused\",\"detail\":\"request body, line {bad + 1}: field 'value' is not a number\"}}"),
                };
            }

            switch (Reply(Attempts))
            {
                case null when BareSocketErrors:
                    throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NotConnected);
                case null:
                    throw new HttpRequestException("Connection refused (edge.test:5080)");
                case HttpStatusCode.RequestTimeout:
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    throw new OperationCanceledException(cancellationToken);
                case var status when (int)status < 300:
                    lock (Received)
                    {
                        Received.AddRange(body.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                        Keys.Add(request.Headers.Authorization?.Parameter);
                    }

                    return new HttpResponseMessage(status.Value) { Content = new StringContent("{}") };
                case var status:
                    return new HttpResponseMessage(status.Value) { Content = new StringContent("{\"title\":\"bad key\"}") };
            }
        }
    }

    private ServerSink Sink(FakeServer server, string key = "k3y", TimeSpan? longest = null) =>
        new(new HttpClient(server), new Uri("http://edge.test:5080/"), key, ReadingBuffer.Open(_dir.File("cam.pending.ndjson")),
            TimeSpan.FromMilliseconds(20), longest ?? TimeSpan.FromMilliseconds(80), TimeProvider.System);

    private static EdgeReading[] Interval(int minute) =>
        [new("cam", Start.AddMinutes(minute), minute), new("cam-in", Start.AddMinutes(minute), 1), new("cam-out", Start.AddMinutes(minute), 0)];

    private static string[] Lines(params EdgeReading[][] intervals) =>
        ReadingsNdjson.Format(intervals.SelectMany(i => i)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_ConnectionRefusedThenServerUp_EveryReadingArrivesOnceInOrderAndTheBufferEmpties(bool bareSocketErrors)
    {
        var server = new FakeServer { Reply = attempt => attempt <= 4 ? null : HttpStatusCode.OK, BareSocketErrors = bareSocketErrors };
        await using var sink = Sink(server);
        var intervals = Enumerable.Range(0, 5).Select(Interval).ToArray();

        foreach (var interval in intervals)
        {
            await sink.WriteAsync(interval, CancellationToken.None);
        }

        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeTrue();
        server.Received.Should().Equal(Lines(intervals), "each reading is sent exactly once, in the order its interval closed");
        server.Keys.Should().AllBe("k3y");
        sink.Pending.Should().Be(0);
        sink.FailedSends.Should().Be(4);
        File.Exists(_dir.File("cam.pending.ndjson")).Should().BeFalse();
    }

    [Fact]
    public async Task Write_ServerNeverAnswers_ReturnsAtOnceWithEveryIntervalInTheBuffer()
    {
        var server = new FakeServer { Reply = _ => HttpStatusCode.RequestTimeout };
        await using var sink = Sink(server);
        var clock = Stopwatch.StartNew();

        for (var minute = 0; minute < 20; minute++)
        {
            await sink.WriteAsync(Interval(minute), CancellationToken.None);
        }

        // Each write flushes the buffer to disk, which a CI machine's busy disk can make slow; a write that waited for
        // the hanging POST would never return.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "writing only appends to the disk buffer; the hanging POST is the sender's");
        sink.Pending.Should().Be(60);
        File.ReadAllLines(_dir.File("cam.pending.ndjson")).Should().Equal(Lines([.. Enumerable.Range(0, 20).Select(Interval)]));
    }

    [Fact]
    public async Task Write_BufferLeftByAnEarlierRun_IsSentFirst()
    {
        File.WriteAllText(_dir.File("cam.pending.ndjson"), ReadingsNdjson.Format(Interval(0).Concat(Interval(1))));
        var server = new FakeServer();
        await using var sink = Sink(server);
        sink.Pending.Should().Be(6);

        await sink.WriteAsync(Interval(2), CancellationToken.None);

        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeTrue();
        server.Received.Should().Equal(Lines(Interval(0), Interval(1), Interval(2)));
        File.Exists(_dir.File("cam.pending.ndjson")).Should().BeFalse();
    }

    [Fact]
    public async Task Write_ServerDownAcrossIntervals_BackOffCarriesOverInsteadOfRetryingEveryInterval()
    {
        var server = new FakeServer { Reply = _ => HttpStatusCode.ServiceUnavailable };
        var longest = TimeSpan.FromSeconds(10);
        await using var sink = Sink(server, longest: longest);
        var started = TimeProvider.System.GetTimestamp();

        for (var minute = 0; minute < 20; minute++)
        {
            await sink.WriteAsync(Interval(minute), CancellationToken.None);
            await Task.Delay(50);
        }

        var attempts = server.Attempts;
        var elapsed = TimeProvider.System.GetElapsedTime(started);

        // Back-off 20, 40, 80, 160, 320, 640 ms from the first try: 6 tries in the ~1 s of writing, not one per interval.
        // A loaded machine may take longer over the writes, so the most tries follow from the time they really took.
        var most = TriesWithin(elapsed, TimeSpan.FromMilliseconds(20), longest) + 1;
        attempts.Should().BeInRange(2, Math.Min(most, 19), "it backed off from 20 ms, doubling, over {0:0} ms of writing", elapsed.TotalMilliseconds);
        sink.Pending.Should().Be(60);
    }

    /// <summary>How many tries a sender backing off from <paramref name="first"/>, doubling up to <paramref name="longest"/>, makes within <paramref name="elapsed"/>.</summary>
    private static int TriesWithin(TimeSpan elapsed, TimeSpan first, TimeSpan longest)
    {
        var (tries, at, delay) = (1, TimeSpan.Zero, first);
        while (at + delay <= elapsed)
        {
            (tries, at) = (tries + 1, at + delay);
            delay = delay * 2 < longest ? delay * 2 : longest;
        }

        return tries;
    }

    [Fact]
    public async Task Write_MalformedLineInTheBuffer_IsSetAsideAndEveryOtherReadingArrivesInOrder()
    {
        const string malformed = "{\"sensorId\":\"cam\",\"timestamp\":\"2026-12-06T13:00:30+00:00\",\"value\":\"three\"}";
        File.WriteAllText(_dir.File("cam.pending.ndjson"), ReadingsNdjson.Format(Interval(0)) + malformed + "\n" + ReadingsNdjson.Format(Interval(1)));
        var server = new FakeServer { RefuseLinesWith = "\"three\"" };
        await using var sink = Sink(server);

        await sink.WriteAsync(Interval(2), CancellationToken.None);

        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeTrue("the refused line no longer holds back the lines after it");
        server.Received.Should().Equal(Lines(Interval(0), Interval(1), Interval(2)), "every well-formed reading arrives once, in order");
        File.ReadAllLines(_dir.File("cam.pending.ndjson.refused")).Should().Equal(malformed);
        File.Exists(_dir.File("cam.pending.ndjson")).Should().BeFalse();
        sink.Refusal.Should().BeNull("a malformed line is not a reason to stop sending");
        sink.TryTakeNotice(out var notice).Should().BeTrue();
        notice.Should().Contain(_dir.File("cam.pending.ndjson.refused")).And.Contain("field 'value' is not a number");
        sink.TryTakeNotice(out _).Should().BeFalse("one line was set aside, so one notice");
        server.Attempts.Should().BeLessThan(12, "halving finds the line in a few posts");
    }

    [Fact]
    public async Task Write_BatchOverTheServersBodyLimit_IsSentInSmallerBatchesWithNothingSetAside()
    {
        File.WriteAllText(_dir.File("cam.pending.ndjson"), ReadingsNdjson.Format(Interval(0).Concat(Interval(1)).Concat(Interval(2))));
        var server = new FakeServer { MostLines = 4 };
        await using var sink = Sink(server);

        await sink.WriteAsync(Interval(3), CancellationToken.None);

        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeTrue("413 is cured by smaller batches");
        server.Received.Should().Equal(Lines(Interval(0), Interval(1), Interval(2), Interval(3)), "every reading arrives once, in order");
        sink.Refusal.Should().BeNull();
        File.Exists(_dir.File("cam.pending.ndjson.refused")).Should().BeFalse();
    }

    [Fact]
    public async Task Write_ServerBusy_BacksOffAndKeepsEveryReadingRatherThanSettingAside()
    {
        var server = new FakeServer { Reply = attempt => attempt <= 3 ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK };
        await using var sink = Sink(server);

        await sink.WriteAsync(Interval(0), CancellationToken.None);

        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeTrue();
        server.Received.Should().Equal(Lines(Interval(0)));
        sink.FailedSends.Should().Be(3);
        File.Exists(_dir.File("cam.pending.ndjson.refused")).Should().BeFalse("429 is transient: retried, not set aside");
    }

    [Fact]
    public async Task Write_WrongKey_StopsSendingKeepsTheBufferAndSaysWhy()
    {
        var server = new FakeServer { Reply = _ => HttpStatusCode.Unauthorized };
        await using var sink = Sink(server, key: "bad");

        await sink.WriteAsync(Interval(0), CancellationToken.None);
        (await sink.DrainAsync(Drain, CancellationToken.None)).Should().BeFalse();
        await sink.WriteAsync(Interval(1), CancellationToken.None);
        await Task.Delay(200);

        sink.Refusal.Should().Match("*401*check --key is an ingest key*kept in the buffer*");
        server.Attempts.Should().Be(1, "a refused key is not retried");
        sink.Pending.Should().Be(6, "the refused readings and the next interval's stay for a later run");
    }
}

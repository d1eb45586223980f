using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Surgewatch.Testing.Video;

namespace Surgewatch.Cli.Tests.Edge;

/// <summary>`edge count --post` against servers that hang, refuse connections, or come up late: counting never waits, no interval is lost.</summary>
public sealed class EdgeCountBufferTest : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Buffer => _dir.File("cam1.pending.ndjson");

    private string Video() => SyntheticVideo.Write(_dir.File("clip.avi"), 120, new Walker(20, 110, 3), new Walker(300, 165, -3, FirstFrame: 20));

    private Task<(int ExitCode, string Output)> CountAsync(string video, string destination, params string[] more) =>
        CliRunner.RunAsync([
            "edge", "count", "--source", video, "--sensor", "cam1", "--line", "160,70 160,239", "--every", "3s",
            "--start", "2026-12-06T13:00:00+00:00", .. destination.StartsWith("http", StringComparison.Ordinal)
                ? (string[])["--post", destination, "--key", "k3y", "--buffer", Buffer]
                : ["--out", destination], .. more]);

    [Fact]
    public async Task Count_ServerNeverAnswers_CountsAsFastAsWithoutPostAndBuffersEveryInterval()
    {
        var video = Video();
        using var hanging = new HangingServer();
        var clock = Stopwatch.StartNew();
        var (plainExit, plain) = await CountAsync(video, _dir.File("counts.ndjson"));
        var withoutPost = clock.Elapsed;
        plainExit.Should().Be(0, plain);

        clock.Restart();
        var (exit, console) = await CountAsync(video, hanging.Url, "--drain", "1s");
        var withPost = clock.Elapsed;

        exit.Should().Be(0, console);
        // Three times the plain run, the 1 s drain and 10 s for a CI machine's load changing between the two runs: a POST
        // on the frame loop would wait out its 30 s timeout at each of the 4 intervals.
        withPost.Should().BeLessThan((withoutPost * 3) + TimeSpan.FromSeconds(1 + 10), "sending is off the frame loop, so a server that never answers costs only the drain");
        console.Should().Contain("4 intervals reported, 0 missing, 12 readings waiting to be sent (kept in");
        File.ReadAllLines(Buffer).Should().Equal(File.ReadAllLines(_dir.File("counts.ndjson")), "every interval waits in the buffer, counts only");
        console.Split('\n').Count(line => line.StartsWith("cam1 13:00:", StringComparison.Ordinal) && line.Contains("frames/s") && line.Contains("waiting to be sent"))
            .Should().Be(4, "one metrics line per interval");
    }

    [Fact]
    public async Task Count_ConnectionRefusedThenServerUp_EveryIntervalArrivesOnceAndTheBufferEmpties()
    {
        var video = Video();
        var (_, _) = await CountAsync(video, _dir.File("counts.ndjson"));
        var port = FreePort();

        var run = CountAsync(video, $"http://127.0.0.1:{port}/", "--drain", "20s");
        while (!File.Exists(Buffer) && !run.IsCompleted)
        {
            await Task.Delay(10);
        }

        await using var server = new ReadingsServer(port);
        var (exit, console) = await run;

        exit.Should().Be(0, console);
        server.Lines.Should().Equal(File.ReadAllLines(_dir.File("counts.ndjson")), "each interval arrives exactly once, in order");
        console.Should().Contain("4 intervals reported, 0 missing, 0 readings waiting to be sent.");
        File.Exists(Buffer).Should().BeFalse();
    }

    [Fact]
    public async Task Count_BufferLeftByAnEarlierRun_IsSentFirst()
    {
        var video = Video();
        string[] earlier = ["{\"sensorId\":\"cam1\",\"timestamp\":\"2026-12-05T13:00:00+00:00\",\"value\":2}"];
        File.WriteAllLines(Buffer, earlier);
        await using var server = new ReadingsServer(FreePort());

        var (exit, console) = await CountAsync(video, server.Url);

        exit.Should().Be(0, console);
        server.Lines.Should().HaveCount(13);
        server.Lines[0].Should().Be(earlier[0]);
        File.Exists(Buffer).Should().BeFalse();
    }

    [Fact]
    public async Task Count_WrongKey_ExitsTwoWithOneRefusalLineAndKeepsEveryIntervalBuffered()
    {
        await using var server = new ReadingsServer(FreePort(), HttpStatusCode.Unauthorized);

        var (exit, console) = await CountAsync(Video(), server.Url);

        exit.Should().Be(2, console);
        console.Split('\n').Count(line => line.StartsWith("error:", StringComparison.Ordinal)).Should().Be(1, console);
        console.Should().Contain("401").And.Contain("check --key is an ingest key").And.Contain("12 readings waiting to be sent");
        File.ReadAllLines(Buffer).Should().HaveCount(12);
    }

    [Fact]
    public async Task Count_MalformedLineLeftInTheBuffer_IsSetAsideWithOneLineAndTheRestIsSent()
    {
        string[] earlier = ["{\"sensorId\":\"cam1\",\"timestamp\":\"2026-12-05T13:00:00+00:00\",\"value\":2}", "{\"sensorId\":\"cam1\",\"timestamp\":\"2026-12-05T13:01:00+00:00\"}"];
        File.WriteAllLines(Buffer, earlier);
        await using var server = new ReadingsServer(FreePort(), refuse: lines =>
            Array.FindIndex(lines, line => !line.Contains("\"value\"", StringComparison.Ordinal)) is var bad and >= 0
                ? $"{{\"title\":\"Bad reading\",\"detail\":\"request body, line {bad + 1}: missing field 'value'\"}}"
                : null);

        var (exit, console) = await CountAsync(Video(), server.Url);

        exit.Should().Be(0, console);
        server.Lines.Should().HaveCount(13, "the earlier good line and the run's twelve readings");
        server.Lines[0].Should().Be(earlier[0]);
        File.ReadAllLines(Buffer + ".refused").Should().Equal(earlier[1]);
        File.Exists(Buffer).Should().BeFalse();
        console.Should().Contain("0 readings waiting to be sent");
        console.Split('\n').Where(line => line.Contains(".refused", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Contain(Buffer + ".refused").And.Contain("missing field 'value'");
    }

    [Fact]
    public async Task Count_BufferFolderMissing_ExitsTwoBeforeCounting()
    {
        var (exit, console) = await CliRunner.RunAsync(
            "edge", "count", "--source", Video(), "--sensor", "cam1", "--post", "http://127.0.0.1:9/", "--key", "k3y", "--buffer", _dir.File("gone/cam1.ndjson"));

        exit.Should().Be(2, console);
        console.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("--buffer").And.Contain("cannot be written");
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Accepts connections and never answers.</summary>
    private sealed class HangingServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _held = [];

        public HangingServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";

        public void Dispose()
        {
            _listener.Stop();
            lock (_held)
            {
                _held.ForEach(c => c.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync();
                    lock (_held)
                    {
                        _held.Add(client);
                    }
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // The listener was stopped.
            }
        }
    }

    /// <summary>Answers every POST with one status (200 unless told) and keeps the NDJSON lines it received, in order.</summary>
    private sealed class ReadingsServer : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        private readonly HttpStatusCode _status;
        private readonly Func<string[], string?>? _refuse;

        /// <param name="port">The port to listen on.</param>
        /// <param name="status">The status of every answer that is not a refusal.</param>
        /// <param name="refuse">Given a batch's lines, the problem body of a 400 refusing the whole batch, or null to take it.</param>
        public ReadingsServer(int port, HttpStatusCode status = HttpStatusCode.OK, Func<string[], string?>? refuse = null)
        {
            _status = status;
            _refuse = refuse;
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Url { get; }

        public List<string> Lines { get; } = [];

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _serving;
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            try
            {
                while (true)
                {
                    var context = await _listener.GetContextAsync();
                    using var reader = new StreamReader(context.Request.InputStream);
                    var lines = (await reader.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                    if (_refuse?.Invoke(lines) is { } problem)
                    {
                        context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
                        context.Response.ContentType = "application/problem+json";
                        await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(problem));
                        context.Response.Close();
                        continue;
                    }

                    Lines.AddRange(lines);
                    context.Response.StatusCode = (int)_status;
                    context.Response.Close();
                }
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The listener was stopped.
            }
        }
    }
}

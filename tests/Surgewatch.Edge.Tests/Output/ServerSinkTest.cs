using System.Net;
using Surgewatch.Core.Edge;
using Surgewatch.Edge.Output;

namespace Surgewatch.Edge.Tests.Output;

public sealed class ServerSinkTest : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 13, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed class FakeServer : HttpMessageHandler
    {
        public HttpStatusCode Reply { get; set; } = HttpStatusCode.ServiceUnavailable;

        public List<string> Bodies { get; } = [];

        public List<string?> Keys { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            Keys.Add(request.Headers.Authorization?.Parameter);
            return new HttpResponseMessage(Reply) { Content = new StringContent("{}") };
        }
    }

    [Fact]
    public async Task Write_ServerDownThenUp_BuffersCountsOnDiskAndResendsThemAll()
    {
        var server = new FakeServer();
        var buffer = _dir.File("cam.pending.ndjson");
        var sink = new ServerSink(new HttpClient(server), new Uri("http://edge.test:5080/"), "k3y", buffer, TimeSpan.FromMilliseconds(1));

        await sink.WriteAsync([new EdgeReading("cam", Start, 3)], CancellationToken.None);
        sink.Pending.Should().Be(1);
        File.ReadAllText(buffer).Should().Be("{\"sensorId\":\"cam\",\"timestamp\":\"2026-12-06T13:00:00+00:00\",\"value\":3}\n");

        server.Reply = HttpStatusCode.OK;
        await sink.WriteAsync([new EdgeReading("cam", Start.AddMinutes(1), 4)], CancellationToken.None);

        sink.Pending.Should().Be(0);
        File.Exists(buffer).Should().BeFalse();
        server.Bodies[^1].Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
        server.Keys.Should().AllBe("k3y");
        server.Bodies.Count.Should().Be(5, "four tries (one plus three retries) while down, one when up");
    }

    [Fact]
    public async Task Write_WrongKey_ThrowsSayingSo()
    {
        var server = new FakeServer { Reply = HttpStatusCode.Unauthorized };
        var sink = new ServerSink(new HttpClient(server), new Uri("http://edge.test:5080/"), "bad", _dir.File("b.ndjson"), TimeSpan.FromMilliseconds(1));

        var write = () => sink.WriteAsync([new EdgeReading("cam", Start, 1)], CancellationToken.None);

        await write.Should().ThrowAsync<ServerRefusedException>().WithMessage("*401*ingest key*");
    }
}

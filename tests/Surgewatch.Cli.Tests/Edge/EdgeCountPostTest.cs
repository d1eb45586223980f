using System.Net.Http.Json;
using Surgewatch.Cli.Tests.Serve;
using Surgewatch.Testing.Video;

namespace Surgewatch.Cli.Tests.Edge;

/// <summary>`edge count --post` against `surgewatch serve` running as its own process.</summary>
public sealed class EdgeCountPostTest : IDisposable
{
    private const string Key = "edge-post-test-bootstrap-key-0123456789abcdef";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Count_PostToServe_StoresEveryIntervalsReadings()
    {
        var video = SyntheticVideo.Write(_dir.File("clip.avi"), 120, new Walker(20, 110, 3), new Walker(300, 165, -3, FirstFrame: 20));
        await using var server = await ServeProcess.StartAsync(_dir.File("edge.db"), Key);

        var (exit, console) = await CliRunner.RunAsync(
            "edge", "count", "--source", video, "--sensor", "cam1", "--line", "160,70 160,239", "--every", "3s",
            "--start", "2026-12-06T13:00:00+00:00", "--post", server.Url.ToString(), "--key", Key, "--buffer", _dir.File("cam1.pending.ndjson"));

        exit.Should().Be(0, console);
        console.Should().Contain("4 intervals reported, 0 missing, 0 readings waiting to be sent");
        File.Exists(_dir.File("cam1.pending.ndjson")).Should().BeFalse("the buffer is deleted once the server has the readings");
        using var http = new HttpClient { BaseAddress = server.Url };
        var health = await http.GetFromJsonAsync<Health>("/healthz");
        (health!.Readings - server.ReadingsAtStart).Should().Be(12, "four intervals of cam1, cam1-in and cam1-out");
    }

    private sealed record Health(long Readings);
}

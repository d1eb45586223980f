using Surgewatch.Core.Edge;
using Surgewatch.Edge.Counting;
using Surgewatch.Edge.Output;
using Surgewatch.Edge.Sources;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Testing.Video;

namespace Surgewatch.Server.FunctionalTests.Edge;

/// <summary>
/// A drawn clip through the edge counter, posted to the server as `edge count --post` does, into a zone that uses the
/// camera as its occupancy source: the zone shows the counts and its density warning fires.
/// </summary>
public sealed class EdgeCounterEndToEndTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly Walker[] Walkers = [new(20, 110, 3), new(300, 165, -3), new(40, 225, 2)];
    private readonly string _folder = Directory.CreateTempSubdirectory("surgewatch-edge-e2e-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Clip_PostedByTheEdgeCounter_ZoneShowsTheCountsAndItsWarningFires()
    {
        using var server = new ClockedServer(new ManualTime(T0));
        var admin = server.ClientWithKey(ServerFixture.AdminKey);

        // One square metre: three people are 3 persons/m², above the default warning level of 2.
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("cam", areaM2: 1)))).EnsureSuccessStatusCode();
        var clip = SyntheticVideo.Write(Path.Combine(_folder, "clip.avi"), 120, Walkers);

        await CountAndPostAsync(server, clip, T0);
        server.Time.Now = T0 + TimeSpan.FromMinutes(6);
        await CountAndPostAsync(server, clip, server.Time.Now);

        var status = (await (await server.CreateClient().GetAsync("/api/v1/zones/status")).ReadJsonAsync()).EnumerateArray().Single();
        status.GetProperty("persons").GetDouble().Should().BeInRange(2, 4);
        (await server.AlertAsync("density-warning/cam"))!.State.Should().Be("firing");
        Directory.EnumerateFiles(_folder).Should().Equal([clip], "the counts went to the server; nothing else was written, no buffer left");
    }

    /// <summary>Counts <paramref name="clip"/> as a camera whose first frame is at <paramref name="start"/>, posts each 3 s interval, then steps the monitor.</summary>
    private async Task CountAndPostAsync(ClockedServer server, string clip, DateTimeOffset start)
    {
        using var source = VideoSource.Open(clip);
        var options = new EdgeCounterOptions();
        using var counter = new EdgeCounter(options, source.Width, source.Height);
        var intervals = new IntervalAggregator(TimeSpan.FromSeconds(3), source.FramesPerSecond, countsLine: false);
        var closed = new List<EdgeInterval>();
        EdgeRun.Run(source, counter, options, (frame, count) =>
            closed.AddRange(intervals.Add(start + TimeSpan.FromSeconds(frame / source.FramesPerSecond), count.Occupancy, count.Crossings)));
        closed.Add(intervals.Flush()!);

        await using (var sink = new ServerSink(server.CreateClient(), server.CreateClient().BaseAddress!, ServerFixture.AdminKey, Path.Combine(_folder, "cam.pending.ndjson"), TimeSpan.FromMilliseconds(10)))
        {
            await sink.WriteAsync([.. closed.SelectMany(i => EdgeReading.Of(i, "cam-occ"))], CancellationToken.None);
            (await sink.DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None)).Should().BeTrue("the sender posts the buffer in the background");
        }


        server.Time.Now = start + TimeSpan.FromSeconds(12);
        await server.StepAsync();
    }
}

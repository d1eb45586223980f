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

    [Fact]
    public async Task Count_PostToServeIntoAZoneOnTheCamera_ZoneStatusShowsTheCameraCounts()
    {
        var video = SyntheticVideo.Write(_dir.File("gate.avi"), 120, new Walker(20, 110, 3), new Walker(300, 165, -3), new Walker(40, 225, 2));
        await using var server = await ServeProcess.StartAsync(_dir.File("zone.db"), Key);
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);

        // A zone fed by the camera as its sources of every role: occupancy (gate), and the line in and out.
        const string zone = """
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},
             "properties":{"id":"gate-zone","name":"Gate","areaM2":1,"widthM":4,"sources":[
               {"sensorId":"gate","role":"occupancy"},{"sensorId":"gate-in","role":"line-in"},{"sensorId":"gate-out","role":"line-out"}]}}
            """;
        (await http.PostAsync("/api/v1/zones", new StringContent(zone, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        // The clip is twelve seconds of a camera that has just been filming: its counts are fresh on the server's clock.
        var start = TimeProvider.System.GetUtcNow().AddSeconds(-12).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (exit, console) = await CliRunner.RunAsync(
            "edge", "count", "--source", video, "--sensor", "gate", "--line", "160,70 160,239", "--every", "3s",
            "--start", start, "--post", server.Url.ToString(), "--key", Key, "--buffer", _dir.File("gate.pending.ndjson"));
        exit.Should().Be(0, console);

        double? persons = null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (persons is null && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var status = (await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/zones/status")).EnumerateArray().Single();
            persons = status.GetProperty("persons").ValueKind == System.Text.Json.JsonValueKind.Number && status.GetProperty("persons").GetDouble() > 0
                ? status.GetProperty("persons").GetDouble() : null;
            await Task.Delay(100);
        }

        persons.Should().BeInRange(2, 4, "three people walk through the camera's view; the zone shows the camera's count");
    }

    [Fact]
    public async Task Count_PostToServeIntoAZoneWithALowLevel_ItsAlertFires()
    {
        var video = SyntheticVideo.Write(_dir.File("plaza.avi"), 120, new Walker(20, 110, 3), new Walker(300, 165, -3), new Walker(40, 225, 2));
        // The zone rules fire as soon as the level is met (the default waits 5 minutes, too long for a test).
        await using var server = await ServeProcess.StartAsync(_dir.File("alert.db"), Key, new Dictionary<string, string> { ["Surgewatch__ZonePendingFor"] = "00:00:00" });
        using var http = new HttpClient { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);

        // One square metre watched by the camera: its three people are 3 persons/m², above the default warning level of 2.
        const string zone = """
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},
             "properties":{"id":"plaza","name":"Plaza","areaM2":1,"sources":[{"sensorId":"plaza","role":"occupancy"}]}}
            """;
        (await http.PostAsync("/api/v1/zones", new StringContent(zone, System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var start = TimeProvider.System.GetUtcNow().AddSeconds(-12).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (exit, console) = await CliRunner.RunAsync(
            "edge", "count", "--source", video, "--sensor", "plaza", "--every", "3s", "--start", start, "--post", server.Url.ToString(), "--key", Key,
            "--buffer", _dir.File("plaza.pending.ndjson"));
        exit.Should().Be(0, console);

        string? state = null;
        for (var i = 0; i < 300 && state != "firing"; i++)
        {
            var alerts = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/alerts");
            state = alerts.EnumerateArray().Where(a => a.GetProperty("key").GetString() == "density-warning/plaza").Select(a => a.GetProperty("state").GetString()).FirstOrDefault();
            await Task.Delay(200);
        }

        state.Should().Be("firing", $"the camera's count puts the zone over its warning level\n{server.Log}");
    }

    private sealed record Health(long Readings);
}

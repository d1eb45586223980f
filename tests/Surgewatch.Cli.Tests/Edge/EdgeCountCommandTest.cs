using System.Text.Json;
using Surgewatch.Testing.Video;

namespace Surgewatch.Cli.Tests.Edge;

public sealed class EdgeCountCommandTest : IDisposable
{
    private static readonly Walker[] Walkers = [new(20, 110, 3), new(300, 165, -3), new(40, 225, 2)];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Video(int frames = 120) => SyntheticVideo.Write(_dir.File("clip.avi"), frames, Walkers);

    [Fact]
    public async Task Count_SyntheticVideo_OutputHoldsNothingButTheCountSchema()
    {
        var video = Video();
        var output = _dir.File("counts.ndjson");

        var (exit, console) = await CliRunner.RunAsync(
            "edge", "count", "--source", video, "--sensor", "cam1", "--line", "160,70 160,239", "--every", "3s", "--start", "2026-12-06T13:00:00+00:00", "--out", output);

        exit.Should().Be(0, console);
        var lines = File.ReadAllLines(output);
        lines.Should().NotBeEmpty();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var fields = json.RootElement.EnumerateObject().ToList();
            fields.Select(f => f.Name).Should().Equal("sensorId", "timestamp", "value");
            fields[0].Value.GetString().Should().BeOneOf("cam1", "cam1-in", "cam1-out");
            DateTimeOffset.Parse(fields[1].Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(new DateTimeOffset(2026, 12, 6, 13, 0, 0, TimeSpan.Zero));
            fields[2].Value.ValueKind.Should().Be(JsonValueKind.Number);
        }

        lines.Should().HaveCount(4 * 3, "twelve seconds of video in 3 s intervals, each with occupancy, in and out");
        console.Should().Contain("frames/s").And.Contain("0 frames lost").And.Contain("4 intervals reported, 0 missing");
    }

    [Fact]
    public async Task Count_SyntheticVideo_WritesNoFileButTheOutput()
    {
        var video = Video();
        var output = _dir.File("counts.ndjson");
        var before = Snapshot();
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;

        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", video, "--sensor", "cam1", "--every", "3s", "--out", output);

        exit.Should().Be(0, console);
        Snapshot().Except(before).Should().Equal([output], "the counter writes its counts and nothing else");
        ImagesWrittenSince(Path.GetTempPath(), started).Should().BeEmpty("no frame may reach the disk, not even in the temp folder");
    }

    [Fact]
    public async Task Count_ShippedYoloxDetector_RunsAndWritesNoFileButTheOutput()
    {
        var video = Video(60);
        var output = _dir.File("counts.ndjson");
        var before = Snapshot();
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;

        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", video, "--sensor", "cam1", "--every", "3s", "--start", "2026-12-06T13:00:00+00:00", "--detector", "yolox", "--out", output);

        exit.Should().Be(0, console);
        File.ReadAllLines(output).Should().HaveCount(2, "six seconds of video in 3 s intervals, occupancy only (no line)");
        Snapshot().Except(before).Should().Equal([output], "the network reads its model and writes nothing");
        ImagesWrittenSince(Path.GetTempPath(), started).Should().BeEmpty();
    }

    [Fact]
    public async Task Count_ShortLastInterval_IsReportedMissingNotZero()
    {
        var video = Video(frames: 40);
        var output = _dir.File("counts.ndjson");

        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", video, "--sensor", "cam1", "--every", "3s", "--start", "2026-12-06T13:00:00+00:00", "--out", output);

        exit.Should().Be(0, console);
        File.ReadAllLines(output).Should().HaveCount(1, "frames 30–39 are a third of the second interval");
        console.Should().Contain("interval 2026-12-06T13:00:03+00:00 missing (10 of 30 frames counted)").And.Contain("1 missing");
    }

    [Theory]
    [InlineData("--region", "10,10 400,10 400,200", "outside the 320x240 frame")]
    [InlineData("--line", "10,10", "a line is two different points")]
    [InlineData("--every", "7min", "divides a day")]
    [InlineData("--every", "soon", "divides a day")]
    [InlineData("--perspective", "100", "--perspective")]
    [InlineData("--post", "ftp://server", "http:// or https://")]
    public async Task Count_BadOption_ExitsTwoWithOneLine(string option, string value, string message)
    {
        var video = Video(frames: 5);

        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", video, "--sensor", "cam1", "--out", _dir.File("o.ndjson"), option, value);

        exit.Should().Be(2, console);
        console.Should().Contain(message);
        console.Trim().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public async Task Count_UnopenableSource_ExitsTwo()
    {
        File.WriteAllText(_dir.File("notes.avi"), "not a video");

        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", _dir.File("notes.avi"), "--sensor", "cam1", "--out", _dir.File("o.ndjson"));

        exit.Should().Be(2, console);
        console.Should().Contain("cannot be opened as video");
        File.Exists(_dir.File("o.ndjson")).Should().BeFalse();
    }

    [Fact]
    public async Task Count_NeitherOutNorPost_ExitsTwo()
    {
        var (exit, console) = await CliRunner.RunAsync("edge", "count", "--source", Video(frames: 5), "--sensor", "cam1");

        exit.Should().Be(2, console);
        console.Should().Contain("--out FILE.ndjson or --post URL --key KEY");
    }

    [Fact]
    public async Task Evaluate_Labels_WritesTheScoreJson()
    {
        var video = Video();
        File.WriteAllText(_dir.File("labels.csv"), "frame,people\n20,3\n50,3\n80,3\n");
        var json = _dir.File("score.json");

        var (exit, console) = await CliRunner.RunAsync("edge", "evaluate", "--source", video, "--labels", _dir.File("labels.csv"), "--json", json);

        exit.Should().Be(0, console);
        using var score = JsonDocument.Parse(File.ReadAllText(json));
        var root = score.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Contain(["frames", "mae", "bias", "maxAbsError", "perFrame", "fps"]);
        root.GetProperty("frames").GetInt32().Should().Be(3);
        root.GetProperty("mae").GetDouble().Should().BeLessThanOrEqualTo(1);
        root.GetProperty("perFrame")[0].EnumerateObject().Select(p => p.Name).Should().Equal("frame", "actual", "predicted");
    }

    [Fact]
    public async Task Calibrate_WhenAsked_WritesOnePng()
    {
        var video = Video(frames: 30);
        var png = _dir.File("frame.png");

        var (exit, console) = await CliRunner.RunAsync("edge", "calibrate", "--source", video, "--at", "1.5", "--region", "10,10 300,10 300,230 10,230", "--line", "160,70 160,239", "--out", png);

        exit.Should().Be(0, console);
        File.ReadAllBytes(png).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        Directory.EnumerateFiles(_dir.Path).Should().HaveCount(2, "the video and the one frame");
    }

    [Fact]
    public async Task Calibrate_OutInAMissingFolder_ExitsWithCode2AndWritesNothing()
    {
        var video = Video(frames: 30);
        var png = Path.Combine(_dir.Path, "no-such-folder", "frame.png");

        var (exit, console) = await CliRunner.RunAsync("edge", "calibrate", "--source", video, "--at", "1", "--out", png);

        exit.Should().Be(2, console);
        console.Should().Contain("does not exist").And.NotContain("Wrote");
        File.Exists(png).Should().BeFalse();
    }

    private HashSet<string> Snapshot() =>
        [.. Directory.EnumerateFiles(_dir.Path, "*", SearchOption.AllDirectories), .. Directory.EnumerateFiles(Environment.CurrentDirectory)];

    private static List<string> ImagesWrittenSince(string folder, DateTime since) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".png" or ".jpg" or ".jpeg" or ".bmp" or ".ppm" or ".avi" or ".mp4")
            .Where(f => File.GetLastWriteTimeUtc(f) >= since)];
}

using System.IO.Compression;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Tests.Ingest;

public sealed partial class IngestCommandTest
{
    [Fact]
    public async Task Ingest_GzipFolderWithSensors_StoresEveryReadingAndSensorMetadata()
    {
        using var dir = new TempDirectory();
        var data = Directory.CreateDirectory(dir.File("city")).FullName;
        await WriteGzipAsync(Path.Combine(data, "counts.csv.gz"), DataFiles.LongCsv(sensors: 2, days: 3));
        await File.WriteAllTextAsync(Path.Combine(data, "sensors.csv"), "sensor_id,name,latitude,longitude\n1,Town Hall,-37.81,144.96\n2,Station,-37.82,144.97\n");
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", data, "--db", db);

        exit.Should().Be(0, output);
        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(2 * 3 * 24);
        var sensors = await store.ListSensorsAsync();
        sensors.Select(s => s.Name).Should().BeEquivalentTo("Town Hall", "Station");
        sensors.Should().OnlyContain(s => s.Step == TimeSpan.FromHours(1) && s.Location != null);
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondRunWritesNothingAndKeepsTheCount()
    {
        using var dir = new TempDirectory();
        var file = dir.File("counts.csv");
        await File.WriteAllTextAsync(file, DataFiles.LongCsv(sensors: 2, days: 2));
        var db = dir.File("s.db");

        (await CliRunner.RunAsync("ingest", file, "--db", db)).ExitCode.Should().Be(0);
        var (exit, output) = await CliRunner.RunAsync("ingest", file, "--db", db);

        exit.Should().Be(0, output);
        output.Should().MatchRegex(@"counts\.csv\s*│\s*2\s*│\s*96\s*│\s*0\s*│", "the second run receives 96 readings and writes none");
        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(96);
    }

    [Fact]
    public async Task Ingest_FileWithIdentifierField_RefusedAndNothingStored()
    {
        using var dir = new TempDirectory();
        var good = dir.File("good.csv");
        var bad = dir.File("bad.csv");
        await File.WriteAllTextAsync(good, DataFiles.LongCsv(sensors: 1, days: 1));
        await File.WriteAllTextAsync(bad, "timestamp,sensor_id,count,device_id\n2024-02-01T00:00:00,1,5,a1b2c3\n");
        var db = dir.File("s.db");

        (await CliRunner.RunAsync("ingest", good, "--db", db)).ExitCode.Should().Be(0);
        var (exit, output) = await CliRunner.RunAsync("ingest", bad, "--db", db);

        exit.Should().Be(2);
        output.Should().Contain("bad.csv").And.Contain("device_id").And.Contain("personal identifier");
        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(24, "what was accepted before stays, and nothing of the refused file is stored");
    }

    [Fact]
    public async Task Ingest_SeveralFilesOneBad_StoresTheFilesBeforeItAndNothingOfItOrAfter()
    {
        using var dir = new TempDirectory();
        var first = dir.File("first.csv");
        var bad = dir.File("bad.csv");
        var last = dir.File("last.csv");
        await File.WriteAllTextAsync(first, DataFiles.LongCsv(sensors: 2, days: 1));
        await File.WriteAllTextAsync(bad, "timestamp,sensor_id,count\n2024-02-01T00:00:00,9,5\n2024-02-01T01:00:00,9,lots\n");
        await File.WriteAllTextAsync(last, "timestamp,sensor_id,count\n2024-03-01T00:00:00,7,5\n");
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", first, bad, last, "--db", db);

        exit.Should().Be(2, output);
        output.Should().Contain("bad.csv line 3").And.Contain("count");
        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(48, "the file before the bad one is stored whole, the bad one and the one after not at all");
        (await store.ListSensorsAsync()).Select(s => s.Id.Value).Should().BeEquivalentTo("1", "2");
    }

    [Fact]
    public async Task Ingest_FileWithBadRowAmongGoodOnes_RefusedWholeWithEveryErrorListed()
    {
        using var dir = new TempDirectory();
        var file = dir.File("mixed.ndjson");
        await File.WriteAllTextAsync(file, string.Join('\n',
            """{"sensorId": "a", "timestamp": "2024-01-01T00:00:00", "value": 1}""",
            """{"sensorId": "a", "timestamp": "2024-01-01T01:00:00", "value": "x"}""",
            """{"sensorId": "a", "timestamp": "2024-13-01T02:00:00", "value": 3}"""));
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", file, "--db", db);

        exit.Should().Be(2);
        output.Should().Contain("mixed.ndjson line 2").And.Contain("mixed.ndjson line 3");
        using var store = SqliteStore.Open(db);
        (await store.CountObservationsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Ingest_RoadSpeedKindAndStep_RecordedOnTheSensors()
    {
        using var dir = new TempDirectory();
        var file = dir.File("speeds.csv");
        await File.WriteAllTextAsync(file, "timestamp,773869,767541\n2012-03-01T00:00:00,64.375,67.625\n2012-03-01T00:05:00,62.5,68.5\n");
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", file, "--db", db, "--kind", "road-speed");

        exit.Should().Be(0, output);
        using var store = SqliteStore.Open(db);
        var sensors = await store.ListSensorsAsync();
        sensors.Should().HaveCount(2).And.OnlyContain(s => s.Kind == SensorKind.RoadSpeed && s.Step == TimeSpan.FromMinutes(5));
    }

    [Theory]
    [InlineData("--kind", "bananas", "--kind 'bananas'")]
    [InlineData("--step", "7min", "must divide a day")]
    [InlineData("--site-zone", "Mars/Olympus", "not a known time zone")]
    public async Task Ingest_BadOption_FailsWithCode2AndSaysWhy(string option, string value, string expected)
    {
        using var dir = new TempDirectory();
        var file = dir.File("c.csv");
        await File.WriteAllTextAsync(file, DataFiles.LongCsv(1, 1));

        var (exit, output) = await CliRunner.RunAsync("ingest", file, "--db", dir.File("s.db"), option, value);

        exit.Should().Be(2);
        output.Should().Contain(expected);
    }

    private static async Task WriteGzipAsync(string path, string text)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var writer = new StreamWriter(gzip);
        await writer.WriteAsync(text);
    }
}

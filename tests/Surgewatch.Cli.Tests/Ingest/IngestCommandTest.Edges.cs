using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Cli.Tests.Ingest;

public sealed partial class IngestCommandTest
{
    private const string RoadSensors = "index,sensor_id,latitude,longitude\n0,a,34.1,-118.3\n1,b,34.103,-118.3\n";

    [Fact]
    public async Task Ingest_RoadFolderWithEdges_StoresTheGraphAfterItsSensors()
    {
        using var dir = new TempDirectory();
        var data = RoadFolder(dir, "from_id,to_id,weight,straight_line_m\na,a,1,0\na,b,0.6,333.6\nb,a,0.4,333.6\n");
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", data, "--db", db, "--kind", "road-speed");

        exit.Should().Be(0, output);
        output.Should().Contain("edges");
        using var store = SqliteStore.Open(db);
        (await store.ListEdgesAsync()).Select(e => $"{e.From}>{e.To}:{e.Weight}").Should().Equal("a>a:1", "a>b:0.6", "b>a:0.4");
        (await store.ListSensorsAsync()).Should().OnlyContain(s => s.Kind == SensorKind.RoadSpeed && s.Location != null);
    }

    [Fact]
    public async Task Ingest_EdgesNamingAnUnknownSensor_RefusedNamingFileLineAndFieldAndNothingStored()
    {
        using var dir = new TempDirectory();
        var data = RoadFolder(dir, "from_id,to_id,weight\na,b,0.6\nb,ghost,0.4\n");
        var db = dir.File("s.db");

        var (exit, output) = await CliRunner.RunAsync("ingest", data, "--db", db, "--kind", "road-speed");

        exit.Should().Be(2, output);
        output.Should().Contain("edges.csv line 3, field 'to_id'").And.Contain("ghost");
        using var store = SqliteStore.Open(db);
        (await store.ListSensorsAsync()).Should().BeEmpty();
        (await store.CountObservationsAsync()).Should().Be(0);
    }

    private static string RoadFolder(TempDirectory dir, string edges)
    {
        var data = Directory.CreateDirectory(dir.File("roads")).FullName;
        File.WriteAllText(Path.Combine(data, "readings.csv"), "timestamp,a,b\n2012-03-01T00:00:00,64.375,61.5\n2012-03-01T00:05:00,63.25,60\n");
        File.WriteAllText(Path.Combine(data, "sensors.csv"), RoadSensors);
        File.WriteAllText(Path.Combine(data, "edges.csv"), edges);
        return data;
    }
}

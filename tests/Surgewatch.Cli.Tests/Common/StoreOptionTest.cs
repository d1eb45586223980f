using Surgewatch.Storage.Postgres;
using Surgewatch.Tests.Postgres;

namespace Surgewatch.Cli.Tests.Common;

/// <summary>--db selects the store: a file path is SQLite, a postgresql:// address is PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StoreOptionTest(PostgresServer server) : IDisposable
{
    // Nothing listens on port 1: the connection is refused at once.
    private const string Unreachable = "postgresql://ops:hunter2@127.0.0.1:1/city";

    private const string Zones = """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "mall", "name": "Bourke St Mall", "sources": [{"sensorId": "s0", "role": "lineIn"}]},
         "geometry": {"type": "Polygon", "coordinates": [[[144.962, -37.811], [144.963, -37.811], [144.963, -37.810], [144.962, -37.810], [144.962, -37.811]]]}}]}
        """;

    private readonly TempDirectory _dir = new();
    private readonly List<string> _databases = [];

    [Theory]
    [InlineData("ingest", "{data}")]
    [InlineData("zones", "list")]
    [InlineData("zones", "import", "{zones}")]
    [InlineData("train")]
    [InlineData("forecast")]
    [InlineData("brief", "--date", "2024-01-10")]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    public async Task Command_UnreachablePostgres_ExitsTwoWithOneLineNamingTheStoreWithoutThePassword(params string[] command)
    {
        var args = command.Select(Fill).Concat(["--db", Unreachable]).ToArray();

        var (exit, output) = await CliRunner.RunAsync(args);

        exit.Should().Be(2, output);
        output.Trim().Split('\n').Should().ContainSingle(output);
        output.Should().Contain("Cannot reach the PostgreSQL store postgresql://ops@127.0.0.1:1/city").And.NotContain("hunter2");
    }

    [RequiresPostgresFact]
    public async Task Ingest_PostgresAddress_WritesIntoThatDatabaseAndAgainWritesNothing()
    {
        var uri = NewDatabase();
        var data = Fill("{data}");

        var (exit, output) = await CliRunner.RunAsync("ingest", data, "--db", uri);
        var (again, againOutput) = await CliRunner.RunAsync("ingest", data, "--db", uri);

        exit.Should().Be(0, output);
        output.Should().Contain($"Ingested into {uri}").And.Contain("The store now holds 360 readings");
        again.Should().Be(0, againOutput);
        againOutput.Should().Contain("The store now holds 360 readings");
        await using var store = await PostgresStore.OpenAsync(uri);
        (await store.CountObservationsAsync()).Should().Be(360);
        (await store.ListSensorsAsync()).Should().HaveCount(3);
    }

    [RequiresPostgresFact]
    public async Task Zones_ImportThenListOnPostgres_ListsTheImportedZone()
    {
        var uri = NewDatabase();

        var (importExit, importOutput) = await CliRunner.RunAsync("zones", "import", Fill("{zones}"), "--db", uri);
        var (listExit, listOutput) = await CliRunner.RunAsync("zones", "list", "--db", uri);

        importExit.Should().Be(0, importOutput);
        listExit.Should().Be(0, listOutput);
        listOutput.Should().Contain("Bourke St Mall");
    }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            server.DropDatabase(database);
        }

        _dir.Dispose();
    }

    private string NewDatabase()
    {
        var database = server.CreateEmptyDatabase();
        _databases.Add(database);
        return server.Uri(database);
    }

    private string Fill(string argument)
    {
        switch (argument)
        {
            case "{data}":
                var data = _dir.File("counts.csv");
                File.WriteAllText(data, DataFiles.LongCsv(sensors: 3, days: 5));
                return data;
            case "{zones}":
                var zones = _dir.File("zones.geojson");
                File.WriteAllText(zones, Zones);
                return zones;
            default:
                return argument;
        }
    }
}

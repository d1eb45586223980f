using Surgewatch.Ingestion.GeoJson;

namespace Surgewatch.Cli.Tests.Zones;

public sealed class ZonesCommandTest : IDisposable
{
    private const string Geometry = """{"type": "Polygon", "coordinates": [[[144.962, -37.811], [144.963, -37.811], [144.963, -37.810], [144.962, -37.810], [144.962, -37.811]]]}""";

    private readonly TempDirectory _dir = new();

    private string Db => Path.Combine(_dir.Path, "z.db");

    public void Dispose() => _dir.Dispose();

    private string WriteZones(string properties)
    {
        var path = Path.Combine(_dir.Path, $"zones-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, $$"""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {{Geometry}}, "properties": {{properties}}}]}""");
        return path;
    }

    [Theory]
    [InlineData("zones", "list")]
    [InlineData("zones", "export")]
    [InlineData("forecast", null)]
    public async Task ReadingCommand_MissingStore_ExitsTwoAndCreatesNothing(string command, string? sub)
    {
        var args = sub is null ? new[] { command, "--db", Db } : [command, sub, "--db", Db];

        var (exit, output) = await CliRunner.RunAsync(args);

        exit.Should().Be(2, output);
        output.Should().Contain("no such store").And.Contain("z.db");
        File.Exists(Db).Should().BeFalse("a command that only reads must not create a store");
        Directory.EnumerateFiles(_dir.Path).Should().BeEmpty("no -wal or -shm file either");
    }

    [Fact]
    public async Task Import_ValidFile_StoresZonesThatExportReadsBack()
    {
        var file = WriteZones("""{"id": "mall", "name": "Bourke St Mall", "widthM": 12, "sources": [{"sensorId": "mall-in", "role": "lineIn"}]}""");
        var exported = Path.Combine(_dir.Path, "out.geojson");

        var (importExit, importOutput) = await CliRunner.RunAsync("zones", "import", file, "--db", Db);
        var (exportExit, _) = await CliRunner.RunAsync("zones", "export", "--db", Db, "--out", exported);

        importExit.Should().Be(0, importOutput);
        importOutput.Should().Contain("Imported 1 zones").And.Contain("Bourke St Mall");
        exportExit.Should().Be(0);
        var zone = ZonesGeoJson.ReadFile(exported).Should().ContainSingle().Which;
        zone.Id.Value.Should().Be("mall");
        zone.WidthMetres.Should().Be(12);
        zone.AreaSquareMetres.Should().BeInRange(9000, 10000);
    }

    [Fact]
    public async Task Import_BadFile_ExitsTwoNamingFieldAndStoresNothing()
    {
        var file = WriteZones("""{"id": "mall", "capacity": -1}""");

        var (exit, output) = await CliRunner.RunAsync("zones", "import", file, "--db", Db);
        var (_, list) = await CliRunner.RunAsync("zones", "list", "--db", Db);

        exit.Should().Be(2);
        output.Should().Contain("line 1").And.Contain("features[0].properties.capacity");
        list.Should().NotContain("mall");
    }

    [Theory]
    [InlineData("""{"id": "mall", "meta": {"owner_name": "J. Citizen"}}""", "features[0].properties.meta.owner_name")]
    [InlineData("""{"id": "00:1a:2b:3c:4d:5e"}""", "features[0].properties.id")]
    [InlineData("""{"id": "mall", "sources": [{"sensorId": "0412345678", "role": "occupancy"}]}""", "features[0].properties.sources[0].sensorId")]
    public async Task Import_PersonalDataInFile_ExitsTwoNamingFileLineAndFieldAndStoresNothing(string properties, string field)
    {
        var file = WriteZones(properties);

        var (exit, output) = await CliRunner.RunAsync("zones", "import", file, "--db", Db);
        var (_, list) = await CliRunner.RunAsync("zones", "list", "--db", Db);

        exit.Should().Be(2);
        output.Should().Contain(Path.GetFileName(file)).And.Contain("line 1").And.Contain(field).And.Contain("personal identifier");
        list.Should().NotContain("mall");
    }
}

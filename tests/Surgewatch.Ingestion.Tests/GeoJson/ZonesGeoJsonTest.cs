using System.Text;
using System.Text.Json;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.GeoJson;

namespace Surgewatch.Ingestion.Tests.GeoJson;

public partial class ZonesGeoJsonTest
{
    private const string Square = "[[[144.962, -37.811], [144.963, -37.811], [144.963, -37.810], [144.962, -37.810], [144.962, -37.811]]]";

    private static string Feature(string properties, string geometry = $$"""{"type": "Polygon", "coordinates": {{Square}}}""") =>
        $$"""{"type": "Feature", "geometry": {{geometry}}, "properties": {{properties}}}""";

    private static string Collection(params string[] features) =>
        $$"""
        {
          "type": "FeatureCollection",
          "features": [
            {{string.Join(",\n    ", features)}}
          ]
        }
        """;

    private static IReadOnlyList<Zone> Parse(string json) => ZonesGeoJson.Parse(Encoding.UTF8.GetBytes(json), "zones.geojson");

    private static InputRejectedException Rejection(string json)
    {
        var act = () => Parse(json);
        return act.Should().Throw<InputRejectedException>().Which;
    }

    [Fact]
    public void Parse_FullFeature_ReadsEverySetting()
    {
        var json = Collection(Feature("""
            {"id": "mall", "name": "Bourke St Mall", "areaM2": 7500, "widthM": 14, "capacity": 12000,
             "levels": {"densityAlarm": 3.5},
             "sources": [{"sensorId": "mall-in", "role": "lineIn"}, {"sensorId": "mall-out", "role": "lineOut"},
                         {"sensorId": "cell-4411", "role": "cellDevices", "factor": 1.4}]}
            """));

        var zone = Parse(json).Should().ContainSingle().Which;

        zone.Id.Value.Should().Be("mall");
        zone.Name.Should().Be("Bourke St Mall");
        zone.AreaSquareMetres.Should().Be(7500);
        zone.WidthMetres.Should().Be(14);
        zone.Capacity.Should().Be(12000);
        zone.Levels.Should().Be(ZoneLevels.Default with { DensityAlarm = 3.5 });
        zone.Sources.Select(s => (s.Sensor.Value, s.Role, s.Factor)).Should().Equal(
            ("mall-in", ZoneSourceRole.LineIn, 1.0), ("mall-out", ZoneSourceRole.LineOut, 1.0), ("cell-4411", ZoneSourceRole.CellDevices, 1.4));
    }

    [Fact]
    public void Parse_NoArea_ComputesItFromThePolygon()
    {
        var zone = Parse(Feature("""{"id": "z1"}""")).Single();

        zone.AreaSquareMetres.Should().BeApproximately(zone.Polygon.AreaSquareMetres(), 1e-9);
        zone.AreaSquareMetres.Should().BeInRange(9000, 10000);
        zone.Name.Should().Be("z1");
    }

    [Fact]
    public void Write_ThenParse_RoundTrips()
    {
        var zones = Parse(Collection(
            Feature("""{"id": "a", "name": "A", "widthM": 6, "sources": [{"sensorId": "s1", "role": "occupancy"}]}"""),
            Feature("""{"id": "b", "name": "B", "capacity": 400, "levels": {"flowWarning": 50, "flowAlarm": 60, "flowCritical": 70}}""")));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ZonesGeoJson.Write(writer, zones);
        }

        var again = ZonesGeoJson.Parse(buffer.ToArray(), "written");

        again.Should().BeEquivalentTo(zones, o => o.Excluding(z => z.AreaSquareMetres));
        again.Select(z => z.AreaSquareMetres).Should().Equal(zones.Select(z => Math.Round(z.AreaSquareMetres, 1)));
    }

    [Fact]
    public void Write_Roles_AreKebabCaseAndReadBack()
    {
        var zones = Parse(Feature("""
            {"id": "k", "sources": [{"sensorId": "i", "role": "line-in"}, {"sensorId": "o", "role": "line-out"},
                                    {"sensorId": "t", "role": "line-total"}, {"sensorId": "c", "role": "cell-devices"}]}
            """));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ZonesGeoJson.Write(writer, zones);
        }

        var roles = JsonDocument.Parse(buffer.ToArray()).RootElement.GetProperty("features")[0].GetProperty("properties").GetProperty("sources")
            .EnumerateArray().Select(s => s.GetProperty("role").GetString());

        roles.Should().Equal("line-in", "line-out", "line-total", "cell-devices");
        zones.Single().Sources.Select(s => s.Role).Should().Equal(ZoneSourceRole.LineIn, ZoneSourceRole.LineOut, ZoneSourceRole.LineTotal, ZoneSourceRole.CellDevices);
    }

    [Fact]
    public void Parse_BadWidth_NamesLineAndField()
    {
        var json = Collection(Feature("""{"id": "ok"}"""), Feature("""{"id": "bad", "widthM": -3}"""));

        var error = Rejection(json).Errors.Should().ContainSingle().Which;

        error.Source.Should().Be("zones.geojson");
        error.Line.Should().Be(5);
        error.Field.Should().Be("features[1].properties.widthM");
        error.Message.Should().Contain("positive");
    }

    [Fact]
    public void Parse_PersonalDataProperty_IsRefusedWithThePrivacyReason()
    {
        var error = Rejection(Feature("""{"id": "z", "operator_phone": "+61 400 000 000"}""")).Errors.Single();

        error.Field.Should().Be("feature.properties.operator_phone");
        error.Message.Should().Contain("anonymous aggregate counts");
    }

    [Fact]
    public void Parse_UnknownHarmlessProperty_IsIgnored()
    {
        Parse(Feature("""{"id": "z", "fid": 7, "colour": "red"}""")).Should().ContainSingle();
    }

    [Fact]
    public void Parse_SourceWithDeviceIdentifier_IsRefused()
    {
        var json = Feature("""{"id": "z", "sources": [{"sensorId": "00:1a:2b:3c:4d:5e", "role": "occupancy"}]}""");

        Rejection(json).Errors.Single().Field.Should().Be("feature.properties.sources[0].sensorId");
    }

    [Theory]
    [InlineData("""{"id": "z", "sources": [{"sensorId": "s", "role": "camera"}]}""", "feature.properties.sources[0].role")]
    [InlineData("""{"id": "z", "levels": {"densityPanic": 9}}""", "feature.properties.levels.densityPanic")]
    [InlineData("""{"id": "z", "capacity": 10.5}""", "feature.properties.capacity")]
    [InlineData("""{"id": "not valid"}""", "feature.properties.id")]
    [InlineData("""{"name": "no id"}""", "feature.properties.id")]
    public void Parse_BadProperty_NamesTheField(string properties, string field)
    {
        Rejection(Feature(properties)).Errors.Should().ContainSingle().Which.Field.Should().Be(field);
    }

    [Fact]
    public void Parse_MultiPolygon_SuggestsSplitting()
    {
        var json = Feature("""{"id": "z"}""", $$"""{"type": "MultiPolygon", "coordinates": [{{Square}}]}""");

        Rejection(json).Errors.Single().Message.Should().Contain("split a MultiPolygon");
    }

    [Fact]
    public void Parse_PositionOutOfRange_NamesThePosition()
    {
        var json = Feature("""{"id": "z"}""", """{"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 95], [0, 0]]]}""");

        Rejection(json).Errors.Single().Field.Should().Be("feature.geometry.coordinates[0][2]");
    }

    [Fact]
    public void Parse_DuplicateIds_AreRefused()
    {
        var json = Collection(Feature("""{"id": "z"}"""), Feature("""{"id": "z"}"""));

        Rejection(json).Errors.Single().Message.Should().Contain("more than once");
    }

    [Fact]
    public void Parse_InvalidJson_NamesTheLine()
    {
        var error = Rejection("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}").Errors.Single();

        error.Line.Should().Be(3);
        error.Message.Should().StartWith("not valid JSON");
    }

    [Theory]
    [InlineData("\"name\": \"caf\xFF\"")]
    [InlineData("\"na\xC3\": \"cafe\"")]
    [InlineData("\"name\": \"\\uD800\"")]
    public void Parse_StringNotValidText_IsRejectedNamingTheLine(string badProperty)
    {
        // Found by fuzzing (tests/fuzz/regressions/zones): the JSON reader checks a string's text only when it is read.
        var json = Encoding.Latin1.GetBytes("{\"type\": \"Feature\", \"properties\": {\"id\": \"z\",\n" + badProperty + "}}");

        var act = () => ZonesGeoJson.Parse(json, "zones.geojson");

        var error = act.Should().Throw<InputRejectedException>().Which.Errors.Single();
        error.Line.Should().Be(2);
        error.Message.Should().StartWith("not valid JSON: a string is not valid text");
    }

    [Fact]
    public void Parse_LeadingBom_IsSkippedAsInCsv()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Collection(Feature("""{"id": "mall"}""")))];

        ZonesGeoJson.Parse(json, "zones.geojson").Single().Id.Should().Be(new ZoneId("mall"));
    }

    [Fact]
    public void Parse_NotGeoJson_IsRefused()
    {
        Rejection("""{"zones": []}""").Errors.Single().Field.Should().Be("type");
    }

    [Fact]
    public void ReadFile_ErrorsNameTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zones-{Guid.NewGuid():N}.geojson");
        File.WriteAllText(path, Feature("""{"id": "z", "widthM": 0}"""));
        try
        {
            var act = () => ZonesGeoJson.ReadFile(path);

            act.Should().Throw<InputRejectedException>().Which.SourceName.Should().Be(Path.GetFileName(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

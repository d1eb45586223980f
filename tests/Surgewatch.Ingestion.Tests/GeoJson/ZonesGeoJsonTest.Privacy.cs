using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Tests.GeoJson;

/// <summary>Zones follow the same privacy rule as readings: identifier-like names at any depth, and identifier-like values in ids, names and source ids, refuse the file.</summary>
public partial class ZonesGeoJsonTest
{
    private const string Polygon = $$"""{"type": "Polygon", "coordinates": {{Square}}}""";

    /// <summary>A Feature with the given members besides its type and geometry.</summary>
    private static string FeatureWith(string members) => $"{{\"type\": \"Feature\", {members}, \"geometry\": {Polygon}}}";

    /// <summary>A FeatureCollection with the given members besides its type and features.</summary>
    private static string CollectionWith(string members, string feature) => $"{{\"type\": \"FeatureCollection\", {members}, \"features\": [{feature}]}}";

    [Fact]
    public void Parse_IdentifierNameNestedInProperties_IsRefusedNamingLineAndPath()
    {
        var json = Collection(Feature("""{"id": "ok"}"""), Feature("""{"id": "z", "meta": {"site": "north", "owner_name": "J. Citizen"}}"""));

        var error = Rejection(json).Errors.Should().ContainSingle().Which;

        error.Line.Should().Be(5);
        error.Field.Should().Be("features[1].properties.meta.owner_name");
        error.Message.Should().Contain("a person's name").And.Contain(PrivacyGuard.Policy);
    }

    [Fact]
    public void Parse_IdentifierNameInsideAnArray_NamesTheElement()
    {
        var json = Feature("""{"id": "z", "staff": [{"role": "steward"}, {"role": "lead", "mobile": "0400 000 000"}]}""");

        Rejection(json).Errors.Should().ContainSingle().Which.Field.Should().Be("feature.properties.staff[1].mobile");
    }

    [Theory]
    [InlineData("faces")]
    [InlineData("image")]
    [InlineData("deviceIds")]
    public void Parse_IdentifierNameOnTheFeatureItself_IsRefused(string name)
    {
        var json = Collection(FeatureWith($$"""
            "{{name}}": [], "properties": {"id": "z"}
            """));

        var error = Rejection(json).Errors.Should().ContainSingle().Which;

        error.Field.Should().Be($"features[0].{name}");
        error.Message.Should().Contain(PrivacyGuard.Policy);
    }

    [Fact]
    public void Parse_IdentifierNameNestedOnTheFeature_NamesThePath()
    {
        var json = FeatureWith("""
            "extra": {"camera": {"snapshot": "x.jpg"}}, "properties": {"id": "z"}
            """);

        Rejection(json).Errors.Should().ContainSingle().Which.Field.Should().Be("feature.extra.camera.snapshot");
    }

    [Theory]
    [InlineData("""{"id": "00:1a:2b:3c:4d:5e"}""", "feature.properties.id", "a MAC address")]
    [InlineData("""{"id": "0412345678"}""", "feature.properties.id", "a phone number")]
    [InlineData("""{"id": "192.168.1.23"}""", "feature.properties.id", "an IP address")]
    [InlineData("""{"id": "z", "name": "Ask Jo on 0412 345 678"}""", "feature.properties.name", "a phone number")]
    [InlineData("""{"id": "z", "name": "jo@venue.example"}""", "feature.properties.name", "an e-mail address")]
    [InlineData("""{"id": "z", "sources": [{"sensorId": "imei-352099001761481", "role": "occupancy"}]}""", "feature.properties.sources[0].sensorId", "an IMEI or IMSI")]
    [InlineData("""{"id": "z", "sources": [{"sensorId": "ABC123", "role": "occupancy"}]}""", "feature.properties.sources[0].sensorId", "a vehicle number plate")]
    public void Parse_IdentifierValue_IsRefusedNamingTheField(string properties, string field, string what)
    {
        var error = Rejection(Feature(properties)).Errors.Should().ContainSingle().Which;

        error.Field.Should().Be(field);
        error.Message.Should().Contain(what).And.Contain(PrivacyGuard.Policy);
    }

    [Fact]
    public void Parse_FeatureIdLooksLikeADevice_NamesTheFeatureId()
    {
        var json = FeatureWith("""
            "id": "00-1A-2B-3C-4D-5E", "properties": {"name": "Gate"}
            """);

        Rejection(json).Errors.Should().ContainSingle().Which.Field.Should().Be("feature.id");
    }

    [Fact]
    public void Parse_HarmlessNestedPropertiesAndPlaceNames_AreAccepted()
    {
        var json = Collection(
            Feature("""{"id": "arena-plaza", "name": "Bourke Street Mall (North)", "style": {"colour": "red", "stroke": [1, 2]}}"""),
            Feature("""{"id": "87", "name": "Gate 3, level 2 (opened 2014-01-31 13:00)", "sources": [{"sensorId": "773869", "role": "occupancy"}]}"""));

        Parse(json).Select(z => z.Id.Value).Should().Equal("arena-plaza", "87");
    }

    [Fact]
    public void Parse_QgisCollectionMembers_AreAccepted()
    {
        var json = CollectionWith(
            """
            "name": "zones", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
            """,
            Feature("""{"id": "z"}"""));

        Parse(json).Should().ContainSingle();
    }

    [Fact]
    public void Parse_IdentifierNameOnTheCollection_IsRefused()
    {
        var json = CollectionWith("\"photos\": []", Feature("""{"id": "z"}"""));

        Rejection(json).Errors.Should().ContainSingle().Which.Field.Should().Be("photos");
    }
}

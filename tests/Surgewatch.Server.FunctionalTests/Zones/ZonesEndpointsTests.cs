using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Zones;

public sealed class ZonesEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task PostZones_AdminKey_ZoneIsListedAsGeoJson()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);

        var posted = await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("plaza-a"))));
        var listed = await (await server.CreateClient().GetAsync("/api/v1/zones")).ReadJsonAsync();

        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        listed.GetProperty("type").GetString().Should().Be("FeatureCollection");
        var feature = listed.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "plaza-a");
        feature.GetProperty("properties").GetProperty("areaM2").GetDouble().Should().Be(100);
        feature.GetProperty("properties").GetProperty("sources")[0].GetProperty("role").GetString().Should().Be("occupancy");
    }

    [Fact]
    public async Task PostZones_NoKey_Returns401()
    {
        var response = await server.CreateClient().PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("plaza-x")));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PutZone_IdMismatch_Returns400()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PutAsync("/api/v1/zones/other", Bodies.Json(TestZones.Feature("plaza-b")));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DeleteZone_Existing_GoneFromList()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        await admin.PutAsync("/api/v1/zones/plaza-c", Bodies.Json(TestZones.Feature("plaza-c")));

        var deleted = await admin.DeleteAsync("/api/v1/zones/plaza-c");
        var again = await admin.DeleteAsync("/api/v1/zones/plaza-c");

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostZones_BadGeometry_Returns400NamingField()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/zones",
            Bodies.Json("""{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"p","name":"P"}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("geometry");
    }
}

using System.Net;
using System.Text;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Zones;

/// <summary>Zones follow the readings' privacy rule over HTTP: 422, nothing stored; other zone errors stay 400; bodies over the limit get 413.</summary>
public sealed class ZonesPrivacyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Square = "{\"type\":\"Polygon\",\"coordinates\":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]}";

    private HttpClient Admin => server.ClientWithKey(ServerFixture.AdminKey);

    /// <summary>A Feature over a small square with the given members besides type and geometry.</summary>
    private static string Feature(string members) => "{\"type\":\"Feature\",\"geometry\":" + Square + "," + members + "}";

    [Fact]
    public async Task PostZones_MacAddressAsZoneId_Returns422AndStoresNothing()
    {
        var response = await Admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Collection(TestZones.Feature("plaza-ok"), TestZones.Feature("00:1a:2b:3c:4d:5e"))));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("field").GetString().Should().Be("features[1].properties.id");
        error.GetProperty("message").GetString().Should().Contain("MAC address");
        (await ListedIdsAsync()).Should().NotContain(["plaza-ok", "00:1a:2b:3c:4d:5e"]);
    }

    [Fact]
    public async Task PostZones_NestedOwnerName_Returns422NamingThePathAndStoresNothing()
    {
        var feature = Feature("\"properties\":{\"id\":\"plaza-owner\",\"meta\":{\"owner_name\":\"J. Citizen\"}}");

        var response = await Admin.PostAsync("/api/v1/zones", Bodies.Json(feature));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("feature.properties.meta.owner_name");
        problem.GetProperty("title").GetString().Should().Contain("nothing from this request was stored");
        (await ListedIdsAsync()).Should().NotContain("plaza-owner");
    }

    [Fact]
    public async Task PutZone_FacesOnTheFeature_Returns422AndStoresNothing()
    {
        var feature = Feature("\"faces\":[],\"properties\":{\"id\":\"plaza-faces\"}");

        var response = await Admin.PutAsync("/api/v1/zones/plaza-faces", Bodies.Json(feature));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ListedIdsAsync()).Should().NotContain("plaza-faces");
    }

    [Fact]
    public async Task PostZones_NameWithAPhoneNumber_Returns422()
    {
        var response = await Admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("plaza-phone", name: "Kiosk, call 0412 345 678")));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ListedIdsAsync()).Should().NotContain("plaza-phone");
    }

    [Fact]
    public async Task PostZones_NonPrivacyError_StillReturns400()
    {
        var response = await Admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("plaza-bad", areaM2: -5)));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("POST", "/api/v1/zones")]
    [InlineData("PUT", "/api/v1/zones/plaza-big")]
    public async Task SendZones_BodyOver16MiB_Returns413(string method, string url)
    {
        var padding = new string(' ', 17 * 1024 * 1024);
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(TestZones.Feature("plaza-big") + padding, Encoding.UTF8, "application/geo+json"),
        };

        var response = await Admin.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await ListedIdsAsync()).Should().NotContain("plaza-big");
    }

    private async Task<List<string?>> ListedIdsAsync()
    {
        var zones = await (await server.CreateClient().GetAsync("/api/v1/zones")).ReadJsonAsync();
        return zones.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetString()).ToList();
    }
}

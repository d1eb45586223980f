using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.FunctionalTests.Readings;

namespace Surgewatch.Server.FunctionalTests.Hosting;

/// <summary>One style across the API: times with offsets, kebab-case enum values, and a helpful 404 for an alert key sent with a bare '/'.</summary>
public sealed class ApiConsistencyTests(MelbourneServerFixture server) : IClassFixture<MelbourneServerFixture>
{
    private HttpClient Admin => server.ClientWithKey(ServerFixture.AdminKey);

    [Fact]
    public async Task Sensors_Kind_IsKebabCase()
    {
        (await Admin.PostAsync("/api/v1/readings", Bodies.Ndjson("{\"sensorId\":\"kebab-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":3}\n"))).EnsureSuccessStatusCode();

        var sensors = await (await server.CreateClient().GetAsync("/api/v1/sensors")).ReadJsonAsync();
        var geo = await (await server.CreateClient().GetAsync("/api/v1/open/sensors.geojson")).ReadJsonAsync();

        sensors.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "kebab-1").GetProperty("kind").GetString().Should().Be("pedestrian-count");
        geo.GetProperty("features").EnumerateArray().Should().NotContain(f => f.GetProperty("properties").GetProperty("kind").GetString() == "PedestrianCount");
    }

    [Fact]
    public async Task ZoneStatus_Roles_AreKebabCase()
    {
        var zone = """
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.962,-37.811],[144.963,-37.811],[144.963,-37.810],[144.962,-37.810],[144.962,-37.811]]]},
             "properties":{"id":"kebab-zone","widthM":10,"sources":[{"sensorId":"kebab-in","role":"lineIn"},{"sensorId":"kebab-out","role":"line-out"}]}}
            """;
        (await Admin.PostAsync("/api/v1/zones", Bodies.Json(zone))).EnsureSuccessStatusCode();

        var zones = await (await server.CreateClient().GetAsync("/api/v1/zones")).ReadJsonAsync();

        var roles = zones.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "kebab-zone")
            .GetProperty("properties").GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("role").GetString());
        roles.Should().Equal("line-in", "line-out");
    }

    [Fact]
    public async Task Clock_Now_CarriesTheSiteOffset()
    {
        var clock = await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync();

        clock.GetProperty("now").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+1[01]:00$");
        clock.GetProperty("mode").GetString().Should().Be("live");
    }

    [Fact]
    public async Task OpenSensorJson_FromAndTo_CarryTheSiteOffset()
    {
        var reply = await (await server.CreateClient().GetAsync("/api/v1/open/sensors/nobody/hourly?from=2024-03-01T00:00:00&to=2024-03-01T05:00:00")).ReadJsonAsync();

        reply.GetProperty("from").GetString().Should().Be("2024-03-01T00:00:00+11:00");
        reply.GetProperty("to").GetString().Should().Be("2024-03-01T06:00:00+11:00");
    }

    [Fact]
    public async Task AlertEvents_SinceWithoutOffset_IsSiteLocal()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/alerts/events?since=2024-03-01T09:00:00");
        var bad = await server.CreateClient().GetAsync("/api/v1/alerts/events?since=yesterday");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Audit_SinceWithoutOffset_IsSiteLocal()
    {
        var zone = """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},"properties":{"id":"audit-since"}}""";
        (await Admin.PostAsync("/api/v1/zones", Bodies.Json(zone))).EnsureSuccessStatusCode();
        var now = (await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync()).GetProperty("now").GetString()!;
        var localBefore = DateTime.Parse(now[..19], System.Globalization.CultureInfo.InvariantCulture).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        // A minute before now on the Melbourne wall clock: read as UTC it would lie ten hours ahead and miss the entry.
        var audit = await (await Admin.GetAsync($"/api/v1/audit?since={localBefore}")).ReadJsonAsync();
        var bad = await Admin.GetAsync("/api/v1/audit?since=soon");

        audit.EnumerateArray().Should().Contain(e => e.GetProperty("target").GetString() == "audit-since");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/alerts/density-warning/some-zone/ack", "density-warning%2Fsome-zone/ack")]
    [InlineData("/api/v1/alerts/zone/x/resolve", "zone%2Fx/resolve")]
    public async Task PostAlertAction_KeyWithUnencodedSlash_Returns404SayingToPercentEncode(string path, string encoded)
    {
        var response = await Admin.PostAsync(path, Bodies.Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("title").GetString().Should().Be("Percent-encode the alert key");
        problem.GetProperty("detail").GetString().Should().Contain("/api/v1/alerts/" + encoded);
    }

    [Fact]
    public async Task GetAlertAction_KeyWithUnencodedSlash_Returns404SayingToPercentEncode()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/alerts/zone/x/ack");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync()).GetProperty("detail").GetString().Should().Contain("zone%2Fx");
    }

    [Fact]
    public async Task PostAlertAction_EncodedUnknownKey_StillSaysNoSuchAlert()
    {
        var response = await Admin.PostAsync("/api/v1/alerts/zone%2Fnone/ack", Bodies.Json("{}"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadJsonAsync()).GetProperty("title").GetString().Should().Be("No such alert");
    }
}

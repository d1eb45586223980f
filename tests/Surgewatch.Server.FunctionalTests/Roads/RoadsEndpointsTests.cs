using System.Net;
using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Roads;

/// <summary>
/// <c>/api/v1/roads/edges</c> and <c>/roads/segments</c> on a store holding three road sensors (two placed, one not)
/// and a placed pedestrian counter. The tests of the class share the store, so each one uploads the graph it needs.
/// </summary>
public sealed class RoadsEndpointsTests : IClassFixture<ServerFixture>
{
    private const string Edges = "/api/v1/roads/edges";
    private readonly ServerFixture _server;

    public RoadsEndpointsTests(ServerFixture server)
    {
        _server = server;
        using var store = server.OpenStore();
        store.UpsertSensorsAsync([
            Road("r1", "Main St at 1st", 34.1000), Road("r2", "Main St at 2nd", 34.1030),
            new Sensor(new SensorId("r3"), "r3", null, SensorKind.RoadSpeed, Sensor.FiveMinutes),
            new Sensor(new SensorId("c1"), "Plaza counter", new GeoPoint(34.1010, -118.3), SensorKind.PedestrianCount, Sensor.Hourly),
            Road("773869", "Documented 1", 34.2), Road("767541", "Documented 2", 34.201), Road("767542", "Documented 3", 34.202),
        ]).GetAwaiter().GetResult();
    }

    private HttpClient Admin => _server.ClientWithKey(ServerFixture.AdminKey);

    [Fact]
    public async Task GetExpectedJams_NoRoadsModelDeployed_IsEmptyWithoutAModel()
    {
        var jams = await (await _server.CreateClient().GetAsync("/api/v1/roads/jams?date=2025-03-01")).ReadJsonAsync();

        jams.GetProperty("date").GetString().Should().Be("2025-03-01");
        jams.GetProperty("model").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        jams.GetProperty("jams").GetArrayLength().Should().Be(0);
        (await _server.CreateClient().GetAsync("/api/v1/roads/jams?date=tomorrow")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetRoadSegments_StoredGraph_GivesEachPlacedRoadSensorALineStringWithIdAndName()
    {
        (await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr1,r2,0.5\nr2,r2,1\nr1,c1,1\n"))).StatusCode.Should().Be(HttpStatusCode.OK);

        var response = await _server.CreateClient().GetAsync("/api/v1/roads/segments");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/geo+json");
        var collection = await response.ReadJsonAsync();
        collection.GetProperty("type").GetString().Should().Be("FeatureCollection");
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        features = [.. features.Where(f => f.GetProperty("id").GetString()!.StartsWith('r'))];
        features.Select(f => f.GetProperty("properties").GetProperty("id").GetString()).Should().Equal("r1", "r2");
        var r1 = features[0];
        r1.GetProperty("id").GetString().Should().Be("r1");
        r1.GetProperty("properties").GetProperty("name").GetString().Should().Be("Main St at 1st");
        r1.GetProperty("geometry").GetProperty("type").GetString().Should().Be("LineString");
        var line = Coordinates(r1);
        line[0].Should().Equal(-118.3, 34.1);
        line[1][1].Should().BeApproximately(34.1015, 1e-6, "halfway towards r2, its strongest road neighbour");
        Coordinates(features[1])[1][1].Should().BeApproximately(34.1015, 1e-6, "the halves meet");
    }

    [Fact]
    public async Task PostRoadEdges_AfterPut_AddsToTheGraph()
    {
        await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr1,r2,0.5\n"));

        var response = await Admin.PostAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr2,r1,0.5\nr1,r2,0.7\n"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await response.ReadJsonAsync();
        reply.GetProperty("received").GetInt32().Should().Be(2);
        reply.GetProperty("edges").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task PutRoadEdges_UnknownSensor_Returns400NamingLineFieldAndSensorAndKeepsTheGraph()
    {
        await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr1,r2,0.5\n"));

        var response = await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr2,r1,0.5\nr1,ghost,0.5\n"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().Should().Be(3);
        error.GetProperty("field").GetString().Should().Be("to_id");
        error.GetProperty("message").GetString().Should().Contain("sensor 'ghost' is not known");
        using var store = _server.OpenStore();
        (await store.ListEdgesAsync()).Select(e => $"{e.From}>{e.To}").Should().Equal(["r1>r2"], "nothing of the refused graph was stored");
    }

    [Fact]
    public async Task PutRoadEdges_WeightNotAboveZero_Returns400NamingLineAndField()
    {
        var response = await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight\nr1,r2,0\n"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()).Should().Be((2, "weight"));
    }

    [Fact]
    public async Task PutRoadEdges_PersonalDataColumn_Returns422()
    {
        var response = await Admin.PutAsync(Edges, Bodies.Csv("from_id,to_id,weight,driver_phone\nr1,r2,0.5,x\n"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task PutRoadEdges_Json_Returns415()
    {
        var response = await Admin.PutAsync(Edges, Bodies.Json("""[{"from":"r1","to":"r2"}]"""));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task RoadEdges_NoKey_Returns401(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Edges) { Content = Bodies.Csv("from_id,to_id,weight\nr1,r2,0.5\n") };

        var response = await _server.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("PUT", "PutRoadEdges")]
    [InlineData("POST", "PostRoadEdges")]
    public async Task DocumentedExample_SentAsItStands_IsAccepted(string method, string operationId)
    {
        var document = await (await _server.CreateClient().GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/v1/roads/edges").GetProperty(method.ToLowerInvariant());
        operation.GetProperty("operationId").GetString().Should().Be(operationId);
        var example = operation.GetProperty("requestBody").GetProperty("content").GetProperty("text/csv").GetProperty("example").GetString()!;

        var response = await Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), Edges) { Content = Bodies.Csv(example) });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static Sensor Road(string id, string name, double latitude) =>
        new(new SensorId(id), name, new GeoPoint(latitude, -118.3), SensorKind.RoadSpeed, Sensor.FiveMinutes);

    private static double[][] Coordinates(JsonElement feature) =>
        [.. feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(p => p.EnumerateArray().Select(c => c.GetDouble()).ToArray())];
}

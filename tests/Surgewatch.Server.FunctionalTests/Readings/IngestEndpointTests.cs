using System.Net;
using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Readings;

public sealed class IngestEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly HttpClient _client = server.ClientWithKey(ServerFixture.AdminKey);

    [Fact]
    public async Task PostReadings_JsonArray_StoresReadingsThatReadBack()
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.HourlyJson("json-1", 3));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var reply = await response.ReadJsonAsync();
        reply.GetProperty("received").GetInt64().Should().Be(3);
        reply.GetProperty("written").GetInt64().Should().Be(3);
        var read = await (await _client.GetAsync("/api/v1/readings?sensor=json-1&from=2024-03-01T01:00:00")).ReadJsonAsync();
        read.GetProperty("readings").EnumerateArray().Select(r => (r.GetProperty("timestamp").GetString(), r.GetProperty("value").GetDouble()))
            .Should().Equal(("2024-03-01T01:00:00+00:00", 11.0), ("2024-03-01T02:00:00+00:00", 12.0));
    }

    [Fact]
    public async Task PostReadings_PrettyPrintedJsonArray_StoresEveryElement()
    {
        const string Body = "[\n  {\n    \"sensorId\": \"json-2\",\n    \"timestamp\": \"2024-03-01T00:00:00\",\n    \"value\": 5\n  },\r\n  {\"sensorId\": \"json-2\", \"timestamp\": \"2024-03-01T01:00:00\", \"value\": 6}\n]";

        var reply = await (await _client.PostAsync("/api/v1/readings", Bodies.Json(Body))).ReadJsonAsync();

        reply.GetProperty("written").GetInt64().Should().Be(2);
    }

    [Fact]
    public async Task PostReadings_Ndjson_StoresReadings()
    {
        const string Body = "{\"sensorId\":\"nd-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1}\n{\"sensorId\":\"nd-1\",\"timestamp\":\"2024-03-01T01:00:00\",\"value\":2}\n";

        var response = await _client.PostAsync("/api/v1/readings", Bodies.Ndjson(Body));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("written").GetInt64().Should().Be(2);
        (await CountAsync("nd-1")).Should().Be(2);
    }

    [Fact]
    public async Task PostReadings_LongCsv_StoresReadings()
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.Csv("timestamp,sensor_id,count\n2024-03-01T00:00:00,csv-1,7\n2024-03-01T01:00:00,csv-1,8\n"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountAsync("csv-1")).Should().Be(2);
    }

    [Fact]
    public async Task PostReadings_WideCsv_StoresOneReadingPerCell()
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.Csv("timestamp,wide-1,wide-2\n2024-03-01T00:00:00,1,2\n2024-03-01T00:05:00,3,4\n"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("received").GetInt64().Should().Be(4);
        (await CountAsync("wide-2")).Should().Be(2);
    }

    [Fact]
    public async Task PostReadings_SameBatchTwice_WritesNothingTheSecondTime()
    {
        await _client.PostAsync("/api/v1/readings", Bodies.HourlyJson("again-1", 5));

        var reply = await (await _client.PostAsync("/api/v1/readings", Bodies.HourlyJson("again-1", 5))).ReadJsonAsync();

        reply.GetProperty("received").GetInt64().Should().Be(5);
        reply.GetProperty("written").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_BadCsvRow_Returns400ListingLineAndFieldAndStoresNothing()
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.Csv("timestamp,sensor_id,count\n2024-03-01T00:00:00,bad-1,7\n2024-03-01T01:00:00,bad-1,lots\n"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("line").GetInt32().Should().Be(3);
        error.GetProperty("field").GetString().Should().Be("count");
        (await CountAsync("bad-1")).Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_JsonArrayElementWithoutValue_Returns400NamingTheElement()
    {
        const string Body = "[{\"sensorId\":\"bad-2\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1},{\"sensorId\":\"bad-2\",\"timestamp\":\"2024-03-01T01:00:00\"}]";

        var response = await _client.PostAsync("/api/v1/readings", Bodies.Json(Body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("element").GetInt32().Should().Be(2);
        error.GetProperty("field").GetString().Should().Be("value");
    }

    [Theory]
    [InlineData("[{\"sensorId\":\"\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1,", "application/json")]
    [InlineData("{\"sensorId\": 3}", "application/json")]
    [InlineData("[1, 2]", "application/json")]
    public async Task PostReadings_MalformedJson_Returns400(string body, string mediaType)
    {
        var response = await _client.PostAsync("/api/v1/readings", new StringContent(body, System.Text.Encoding.UTF8, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("[{\"sensorId\":\"priv-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1,\"plate\":\"ABC123\"}]", "application/json")]
    [InlineData("[{\"sensorId\":\"priv-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1},{\"sensorId\":\"priv-1\",\"timestamp\":\"2024-03-01T01:00:00\",\"value\":1,\"face_embedding\":[0.1]}]", "application/json")]
    [InlineData("{\"sensorId\":\"priv-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1,\"imei\":\"490154203237518\"}\n", "application/x-ndjson")]
    [InlineData("timestamp,sensor_id,count,mac\n2024-03-01T00:00:00,priv-1,1,00:1A:2B:3C:4D:5E\n", "text/csv")]
    [InlineData("timestamp,sensor_id,count,phone\n2024-03-01T00:00:00,priv-1,1,0400000000\n", "text/csv")]
    public async Task PostReadings_IdentifierLikeField_Returns422AndStoresNothing(string body, string mediaType)
    {
        var response = await _client.PostAsync("/api/v1/readings", new StringContent(body, System.Text.Encoding.UTF8, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.ReadJsonAsync()).GetProperty("title").GetString().Should().Contain("nothing from this request was stored");
        (await CountAsync("priv-1")).Should().Be(0);
        using var store = server.OpenStore();
        (await store.ListSensorsAsync()).Select(s => s.Id.Value).Should().NotContain("priv-1");
    }

    [Theory]
    [InlineData("application/json", "[{\"sensorId\":\"gz-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1}]")]
    [InlineData("text/csv", "timestamp,sensor_id,count\n2024-03-01T00:00:00,gz-2,1\n")]
    public async Task PostReadings_GzipBody_IsInflatedAndStored(string mediaType, string text)
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.Gzip(text, mediaType));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("written").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task PostReadings_UnknownHarmlessField_Returns400NamingItAndStoresNothing()
    {
        const string Body = "[{\"sensorId\":\"unk-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1,\"colour\":\"red\"}]";

        var response = await _client.PostAsync("/api/v1/readings", Bodies.Json(Body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = (await response.ReadJsonAsync()).GetProperty("errors")[0];
        error.GetProperty("field").GetString().Should().Be("colour");
        error.GetProperty("message").GetString().Should().Contain("unknown property");
        (await CountAsync("unk-1")).Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_EmptyJsonArray_ReceivesAndWritesNothing()
    {
        var response = await _client.PostAsync("/api/v1/readings", Bodies.Json("[]"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("received").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_UnknownContentType_Returns415()
    {
        var response = await _client.PostAsync("/api/v1/readings", new StringContent("<readings/>", System.Text.Encoding.UTF8, "application/xml"));

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    private async Task<int> CountAsync(string sensor)
    {
        using var store = server.OpenStore();
        var batch = await store.ReadObservationsAsync(new ObservationQuery([new SensorId(sensor)]));
        return batch.Count;
    }
}

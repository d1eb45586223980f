using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Readings;

/// <summary>The probes of issue 15 on values and compressed bodies: one bad input must never corrupt a view.</summary>
public sealed class IngestHardeningTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Views =
        ["/api/v1/alerts", "/api/v1/alerts/events", "/api/v1/zones/status", "/api/v1/open/zones/hourly", "/api/v1/sensors"];

    private readonly HttpClient _client = server.ClientWithKey(ServerFixture.AdminKey);

    [Theory]
    [InlineData("1e308")]
    [InlineData("1.7e308")]
    [InlineData("10000001")]
    [InlineData("12.5")]
    public async Task PostReadings_ImplausibleCount_Returns400NamingLineAndFieldAndStoresNothing(string value)
    {
        var body = $"timestamp,sensor_id,count\n2024-03-01T00:00:00,huge-1,5\n2024-03-01T01:00:00,huge-1,{value}\n";

        var response = await _client.PostAsync("/api/v1/readings", Bodies.Csv(body));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"line\":3,\"field\":\"count\"");
        var read = await (await _client.GetAsync("/api/v1/readings?sensor=huge-1")).ReadJsonAsync();
        read.GetProperty("readings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_HugeValueThenEveryView_AnswersOk()
    {
        await _client.PostAsync("/api/v1/readings", Bodies.Json("[{\"sensorId\":\"huge-2\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":1e308}]"));

        foreach (var view in Views.Append("/api/v1/open/sensors/huge-2/hourly").Append("/api/v1/open/sensors/huge-2/daily"))
        {
            var response = await _client.GetAsync(view);
            response.StatusCode.Should().NotBe(HttpStatusCode.InternalServerError, view);
        }
    }

    [Fact]
    public async Task PostReadings_FractionalSpeedOfAKnownRoadSensor_IsStored()
    {
        // A store that already knows the sensor as a road loop (as `surgewatch ingest --kind road-speed` leaves it).
        using var fresh = new ServerFixture();
        using (var store = fresh.OpenStore())
        {
            await store.UpsertSensorsAsync([new Sensor(new SensorId("road-77"), "road 77", null, SensorKind.RoadSpeed, Sensor.FiveMinutes)]);
        }

        var response = await fresh.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.Json("[{\"sensorId\":\"road-77\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":61.25}]"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task PostReadings_GzipBodyCutOff_Returns400AndStoresNothing(int eighths)
    {
        var text = new StringBuilder("timestamp,sensor_id,count\n");
        for (var i = 0; i < 1000; i++)
        {
            text.Append($"2024-04-{1 + (i / 24):00}T{i % 24:00}:00:00,cut-1,{i + 500}\n");
        }

        var whole = Bodies.Gzip(text.ToString(), "text/csv");
        var length = (int)whole.Headers.ContentLength!.Value;
        var cut = eighths == 8 ? length - 8 : length * eighths / 8;

        var response = await _client.PostAsync("/api/v1/readings", Bodies.Cut(whole, cut));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"a body cut at {cut} of {length} bytes is incomplete");
        var read = await (await _client.GetAsync("/api/v1/readings?sensor=cut-1")).ReadJsonAsync();
        read.GetProperty("readings").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task PostReadings_JsonArrayWithAByteOrderMark_IsStoredLikeCsvAndNdjson()
    {
        var body = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("[{\"sensorId\":\"bom-1\",\"timestamp\":\"2024-03-01T00:00:00\",\"value\":3}]")]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync("/api/v1/readings", body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("written").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task GetAlertEvents_StoredEventWithANonFiniteValue_WritesNullInsteadOfFailing()
    {
        var alerts = server.Services.GetRequiredService<IAlertStore>();
        await alerts.AppendAlertEventsAsync([new AlertEvent("inf-key", "density-alarm", "inf-zone", AlertState.Firing, DateTimeOffset.UnixEpoch.AddYears(60), double.PositiveInfinity)]);

        var response = await _client.GetAsync("/api/v1/alerts/events?limit=1000");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var events = (await response.ReadJsonAsync()).EnumerateArray().Where(e => e.GetProperty("alertKey").GetString() == "inf-key").ToList();
        events.Should().ContainSingle().Which.GetProperty("value").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        MetricText.Value(await _client.GetStringAsync("/metrics"), "surgewatch_nonfinite_numbers_written_total").Should().BeGreaterThanOrEqualTo(1);
    }
}

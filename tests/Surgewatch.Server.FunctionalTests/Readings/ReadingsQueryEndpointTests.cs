using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Readings;

public sealed class ReadingsQueryEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetReadings_FromAndTo_ReturnsTheHalfOpenPeriod()
    {
        await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson("q-1", 6));

        var read = await (await server.CreateClient().GetAsync("/api/v1/readings?sensor=q-1&from=2024-03-01T02:00:00&to=2024-03-01T04:00:00")).ReadJsonAsync();

        read.GetProperty("readings").EnumerateArray().Select(r => r.GetProperty("timestamp").GetString())
            .Should().Equal("2024-03-01T02:00:00+00:00", "2024-03-01T03:00:00+00:00");
    }

    [Fact]
    public async Task GetSensors_AfterIngest_ListsTheNewSensor()
    {
        await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson("q-2", 1));

        var sensors = await (await server.CreateClient().GetAsync("/api/v1/sensors")).ReadJsonAsync();

        sensors.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Contain("q-2");
    }

    [Theory]
    [InlineData("/api/v1/readings")]
    [InlineData("/api/v1/readings?sensor=q-1&from=yesterday")]
    [InlineData("/api/v1/readings?sensor=q-1&to=2024-13-01T00:00:00")]
    public async Task GetReadings_MissingSensorOrBadTime_Returns400(string url)
    {
        var response = await server.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

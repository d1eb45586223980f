using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Privacy;

/// <summary>Sensor ids that identify people (phones, devices, plates, addresses) are refused and never published.</summary>
public sealed class PersonalSensorIdTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> ProbedIds =>
    [
        "0412345678", "61412345678", "mac:00:1a:2b:3c:4d:5e", "imei-352099001761481", "3520990017614812",
        "ABC123", "1ABC234", "XYZ-789", "192.168.1.23", "fe80::1ff:fe23:4567:890a", "001122334455",
    ];

    [Theory]
    [MemberData(nameof(ProbedIds))]
    public async Task PostReadings_SensorIdIdentifiesAPerson_Returns422AndIsNeverListed(string sensorId)
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson(sensorId, 2));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("errors")[0].GetProperty("field").GetString().Should().Be("sensorId");
        var sensors = await (await server.CreateClient().GetAsync("/api/v1/sensors")).ReadJsonAsync();
        sensors.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().NotContain(sensorId);
        (await (await server.CreateClient().GetAsync("/api/v1/open/sensors.geojson")).Content.ReadAsStringAsync()).Should().NotContain(sensorId);
    }

    [Theory]
    [InlineData("87")]
    [InlineData("773869")]
    [InlineData("riverside-in")]
    [InlineData("cell-4411")]
    [InlineData("mall-out")]
    public async Task PostReadings_PlaceSensorId_IsStoredAndListed(string sensorId)
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson(sensorId, 2));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var sensors = await (await server.CreateClient().GetAsync("/api/v1/sensors")).ReadJsonAsync();
        sensors.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Contain(sensorId);
    }
}

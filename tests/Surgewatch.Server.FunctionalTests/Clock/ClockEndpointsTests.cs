using System.Net;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Clock;

public sealed class ClockEndpointsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetClock_LiveMode_RealTimeAtSpeedOne()
    {
        var clock = await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync();

        clock.GetProperty("mode").GetString().Should().Be("live");
        clock.GetProperty("speed").GetDouble().Should().Be(1);
        clock.GetProperty("paused").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task GetClock_DefaultSite_NamesUtcAndZeroOffset()
    {
        var clock = await (await server.CreateClient().GetAsync("/api/v1/clock")).ReadJsonAsync();

        clock.GetProperty("siteZone").GetString().Should().Be("UTC");
        clock.GetProperty("utcOffset").GetString().Should().Be("+00:00");
    }

    [Fact]
    public async Task PostClock_LiveMode_Returns409()
    {
        var response = await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/clock", Bodies.Json("""{"speed":10}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetSession_LiveMode_NoOperatorKey()
    {
        var session = await (await server.CreateClient().GetAsync("/api/v1/session")).ReadJsonAsync();

        session.GetProperty("mode").GetString().Should().Be("live");
        session.TryGetProperty("operatorKey", out var key).Should().BeTrue();
        key.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Silences_CreateListDelete_RoundTrip()
    {
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        (await admin.PostAsync("/api/v1/zones", Bodies.Json(TestZones.Feature("z1")))).EnsureSuccessStatusCode();

        var created = await admin.PostAsync("/api/v1/silences",
            Bodies.Json("""{"zoneId":"z1","ruleId":null,"startsAt":"2024-03-01T09:00:00Z","endsAt":"2024-03-01T11:00:00Z","comment":"maintenance"}"""));
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();
        var listed = await (await server.CreateClient().GetAsync("/api/v1/silences")).ReadJsonAsync();
        var deleted = await admin.DeleteAsync($"/api/v1/silences/{id}");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Should().Contain(id);
        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
    }
}

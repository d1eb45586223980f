using System.Net;
using Surgewatch.Core.Alerting;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Alerts;

public sealed class AlertsEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAlertEvents_SinceAndLimit_ReturnsThoseEventsOldestFirst()
    {
        using (var store = server.OpenStore())
        {
            await store.AppendAlertEventsAsync([
                new AlertEvent("crowd:z1", "crowd", "z1", AlertState.Pending, T0),
                new AlertEvent("crowd:z1", "crowd", "z1", AlertState.Firing, T0.AddMinutes(10), 512),
                new AlertEvent("crowd:z1", "crowd", "z1", AlertState.Resolved, T0.AddMinutes(40)),
            ]);
        }

        var response = await server.CreateClient().GetAsync("/api/v1/alerts/events?since=2024-03-01T09:05:00Z&limit=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var events = await response.ReadJsonAsync();
        events.GetArrayLength().Should().Be(1);
        events[0].GetProperty("state").GetString().Should().Be("firing");
        events[0].GetProperty("value").GetDouble().Should().Be(512);
    }

    [Theory]
    [InlineData("/api/v1/alerts/events?limit=0")]
    [InlineData("/api/v1/alerts/events?limit=1000000")]
    public async Task GetAlertEvents_LimitOutOfRange_Returns400(string url)
    {
        var response = await server.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}

using System.Net;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;

namespace Surgewatch.Server.FunctionalTests.Forecasts;

public sealed class ForecastsEndpointTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeLabel Issued = TimeLabel.FromDateTime(new DateTime(2024, 3, 1, 23, 0, 0));

    [Fact]
    public async Task GetForecasts_TwoIssued_ReturnsTheLatestWithIntervals()
    {
        await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson("fc-1", 24));
        using (var store = server.OpenStore())
        {
            await store.SaveForecastsAsync([Forecast(Issued - TimeSpan.FromHours(1), 5), Forecast(Issued, 7)]);
        }

        var response = await server.CreateClient().GetAsync("/api/v1/forecasts?sensor=fc-1&model=seasonal-naive");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var forecast = await response.ReadJsonAsync();
        forecast.GetProperty("issuedAt").GetString().Should().Be("2024-03-01T23:00:00+00:00");
        var point = forecast.GetProperty("points")[0];
        point.GetProperty("mean").GetDouble().Should().Be(7);
        point.GetProperty("intervals")[0].GetProperty("level").GetDouble().Should().Be(0.8);
        point.GetProperty("intervals")[0].GetProperty("lower").GetDouble().Should().Be(4);
    }

    [Fact]
    public async Task GetForecasts_NoneStored_Returns404()
    {
        var response = await server.CreateClient().GetAsync("/api/v1/forecasts?sensor=nothing-here&model=seasonal-naive");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/forecasts?model=seasonal-naive")]
    [InlineData("/api/v1/forecasts?sensor=a%20b&model=m")]
    [InlineData("/api/v1/forecasts?sensor=fc-1")]
    public async Task GetForecasts_MissingOrBadParameter_Returns400(string url)
    {
        var response = await server.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static Forecast Forecast(TimeLabel issued, double mean) =>
        new(new SensorId("fc-1"), "seasonal-naive", issued, [new ForecastPoint(issued + TimeSpan.FromHours(1), mean, [new PredictionInterval(0.8, mean - 3, mean + 3)])]);
}

using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Sensors;

/// <summary>
/// <c>/sensors/status</c>, <c>/sensors/{id}/series</c> and the counters' level, on a store with 100 days of a small
/// synthetic city's hourly counts and a deployed model with its surge rule, at the first slot after the history.
/// </summary>
public sealed class SensorEndpointsTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 1, 6);
    private static readonly WarningEvaluationOptions Rule = new(CalibrationWeeks: 4, MinimumDays: 60);
    private static readonly string[] Levels = ["ok", "warning", "no-data"];
    private readonly StoreFolder _store = new();
    private readonly TimeLabel _now;

    public SensorEndpointsTests()
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(3, First, 101, TimeSpan.FromHours(1), Seed: 5));
        var panel = SeriesPanel.FromBatch(city.GenerateObservations(), TimeSpan.FromHours(1));
        var end = panel.FirstSlotAtOrAfter(TimeLabel.FromDate(First.AddDays(100)));
        _now = panel.LabelAt(end);
        using var store = SqliteStore.Open(_store.DatabasePath);
        store.UpsertSensorsAsync(city.Sensors).GetAwaiter().GetResult();
        store.UpsertObservationsAsync(StoreFolder.Rows(panel, 0, end)).GetAwaiter().GetResult();
        var history = new SeriesPanel(panel.Start, panel.Step, panel.Sensors, [.. Enumerable.Range(0, panel.Sensors.Count).Select(s => panel.Values(s)[..end].ToArray())]);
        var trained = ModelTrainer.Train(history, null, new TrainingRequest("historical-median-4w", Rule: Rule), TimeProvider.System);
        store.SaveModelAsync(trained.Saved).GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task GetSensorSeries_DeployedModel_ReturnsReadingsForecastBandsAndThreshold()
    {
        using var server = await DeployedAsync();

        var response = await server.CreateClient().GetAsync("/api/v1/sensors/syn-001/series");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var series = await response.ReadJsonAsync();
        series.GetProperty("stepSeconds").GetInt32().Should().Be(3600);
        series.GetProperty("model").GetString().Should().Be("historical-median-4w");
        series.GetProperty("threshold").GetDouble().Should().BePositive();
        series.GetProperty("observed").GetArrayLength().Should().Be(24, "the last day of hourly counts");
        series.GetProperty("observed")[23].GetProperty("t").GetString().Should().Be((_now - TimeSpan.FromHours(1)) + "+00:00");
        var forecast = series.GetProperty("forecast").EnumerateArray().ToList();
        forecast.Should().HaveCount(12, "the default view reaches 12 h ahead");
        forecast[0].GetProperty("t").GetString().Should().Be(_now + "+00:00", "times carry the site offset (UTC here)");
        var point = forecast[0];
        point.GetProperty("lo95").GetDouble().Should().BeLessThanOrEqualTo(point.GetProperty("lo80").GetDouble());
        point.GetProperty("hi80").GetDouble().Should().BeLessThanOrEqualTo(point.GetProperty("hi95").GetDouble());
    }

    [Fact]
    public async Task GetSensorSeries_SevenDays_ReturnsAWeekOfReadings()
    {
        using var server = await DeployedAsync();
        var from = (_now - TimeSpan.FromDays(7)).ToString();

        var series = await (await server.CreateClient().GetAsync($"/api/v1/sensors/syn-002/series?from={from}&to={_now}")).ReadJsonAsync();

        series.GetProperty("observed").GetArrayLength().Should().Be(7 * 24);
        series.GetProperty("forecast").GetArrayLength().Should().Be(0, "the period ends now");
    }

    [Theory]
    [InlineData("/api/v1/sensors/nothing-here/series", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/sensors/syn-001/series?from=2025-04-10T00:00:00&to=2025-04-01T00:00:00", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/sensors/syn-001/series?from=2025-03-01T00:00:00&to=2025-04-01T00:00:00", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/sensors/syn-001/series?from=yesterday", HttpStatusCode.BadRequest)]
    public async Task GetSensorSeries_UnknownSensorOrBadPeriod_Refuses(string url, HttpStatusCode expected)
    {
        using var server = new ClockedServer(new ManualTime(Instant(_now)), _store.DatabasePath) { KeepFiles = true };

        var response = await server.CreateClient().GetAsync(url);

        response.StatusCode.Should().Be(expected);
    }

    [Fact]
    public async Task GetSensorStatus_DeployedModel_GivesEachSensorItsLatestReadingAndSurgeLevel()
    {
        using var server = await DeployedAsync();

        var statuses = (await (await server.CreateClient().GetAsync("/api/v1/sensors/status")).ReadJsonAsync()).EnumerateArray().ToList();

        statuses.Should().HaveCount(3);
        foreach (var status in statuses)
        {
            status.GetProperty("at").GetString().Should().Be((_now - TimeSpan.FromHours(1)) + "+00:00", "the last count stored, with the site offset");
            status.GetProperty("value").GetDouble().Should().BeGreaterThanOrEqualTo(0);
            status.GetProperty("level").GetString().Should().BeOneOf(Levels);
            status.GetProperty("threshold").GetDouble().Should().BePositive();
        }
    }

    [Fact]
    public async Task GetSensorStatus_NoModelDeployed_GivesTheLatestReadingAndNoLevel()
    {
        // A fresh store of its own: the class's store holds a model that the server deploys.
        using var server = new ClockedServer(new ManualTime(new DateTimeOffset(2024, 3, 2, 1, 30, 0, TimeSpan.Zero)));
        (await server.ClientWithKey(ServerFixture.AdminKey).PostAsync("/api/v1/readings", Bodies.HourlyJson("st-1", 26))).EnsureSuccessStatusCode();

        var status = (await (await server.CreateClient().GetAsync("/api/v1/sensors/status")).ReadJsonAsync()).EnumerateArray().Single();

        status.GetProperty("sensorId").GetString().Should().Be("st-1");
        status.GetProperty("at").GetString().Should().Be("2024-03-02T01:00:00+00:00");
        status.GetProperty("value").GetDouble().Should().Be(35);
        status.GetProperty("level").ValueKind.Should().Be(JsonValueKind.Null);
        status.GetProperty("probability").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetCounters_DeployedModel_NamesEachCountersLevel()
    {
        using var server = await DeployedAsync();

        var counters = (await (await server.CreateClient().GetAsync("/api/v1/counters")).ReadJsonAsync()).EnumerateArray().ToList();

        counters.Should().HaveCount(3);
        counters.Select(c => c.GetProperty("level").GetString()).Should().OnlyContain(l => Levels.Contains(l));
    }

    /// <summary>A server at the first slot after the history, with the model deployed and that slot issued.</summary>
    private async Task<ClockedServer> DeployedAsync()
    {
        var server = new ClockedServer(new ManualTime(Instant(_now)), _store.DatabasePath) { KeepFiles = true };
        var deployment = server.Services.GetRequiredService<LiveDeployment>();
        await deployment.DeployLatestAsync(CancellationToken.None);
        await deployment.IssueDueAsync(CancellationToken.None);
        return server;
    }

    private static DateTimeOffset Instant(TimeLabel label) => new(label.ToDateTime(), TimeSpan.Zero);
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Deployment;

/// <summary>
/// Counters that report every minute are trained and forecast on quarter-hours: the live panel's quarter-hours are the
/// totals of the minutes the store holds, as the training panel's are, whatever order or how often they arrive.
/// </summary>
public sealed class MinuteCountersTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 2, 3);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);
    private readonly SeriesPanel _minutes;
    private readonly int _liveFrom;
    private readonly StoreFolder _store = new();

    public MinuteCountersTests()
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(3, First, 16, Minute, Seed: 5, OutagesPerSensorYear: 0));
        _minutes = SeriesPanel.FromBatch(city.GenerateObservations(), Minute);
        _liveFrom = _minutes.FirstSlotAtOrAfter(TimeLabel.FromDate(First.AddDays(15)) + TimeSpan.FromHours(12));
        using var store = SqliteStore.Open(DatabasePath);
        store.UpsertSensorsAsync(city.Sensors).GetAwaiter().GetResult();
        store.UpsertObservationsAsync(StoreFolder.Rows(_minutes, 0, _liveFrom)).GetAwaiter().GetResult();
        var counters = StorePanels.LoadAsync(store, null, CancellationToken.None).GetAwaiter().GetResult()!;
        counters.Panel.Step.Should().Be(Quarter);
        var trained = ModelTrainer.Train(counters.Panel, null, new TrainingRequest("last-value"), TimeProvider.System);
        store.SaveModelAsync(trained.Saved).GetAwaiter().GetResult();
    }

    private string DatabasePath => _store.DatabasePath;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Serve_MinuteReadings_ForecastsQuarterHoursFromTheirTotals()
    {
        var time = new ManualTime(Instant(_liveFrom));
        using var server = new ClockedServer(time, DatabasePath);
        var admin = server.ClientWithKey(ServerFixture.AdminKey);
        var deployment = server.Services.GetRequiredService<LiveDeployment>();
        await deployment.DeployLatestAsync(CancellationToken.None);
        deployment.Model!.Step.Should().Be(Quarter);

        // Half an hour of minutes, newest first, with one minute sent twice.
        for (var m = _liveFrom + 29; m >= _liveFrom; m--)
        {
            (await admin.PostAsync("/api/v1/readings", Bodies.Json(Json(m)))).EnsureSuccessStatusCode();
        }

        (await admin.PostAsync("/api/v1/readings", Bodies.Json(Json(_liveFrom + 20)))).EnsureSuccessStatusCode();
        time.Now = Instant(_liveFrom + 30);
        await deployment.IssueDueAsync(CancellationToken.None);

        for (var s = 0; s < _minutes.Sensors.Count; s++)
        {
            var forecast = await (await admin.GetAsync($"/api/v1/forecasts?sensor={_minutes.Sensors[s]}")).ReadJsonAsync();
            forecast.GetProperty("model").GetString().Should().Be("last-value");
            var points = forecast.GetProperty("points");
            points[0].GetProperty("target").GetString().Should().Be(_minutes.LabelAt(_liveFrom + 30) + "+00:00");
            points[1].GetProperty("target").GetString().Should().Be(_minutes.LabelAt(_liveFrom + 45) + "+00:00");
            points[0].GetProperty("mean").GetDouble().Should().Be(Total(s, _liveFrom + 15), "last-value forecasts the last quarter-hour's total");
        }

        // The briefing runs the deployed quarter-hour model too, by hour.
        var briefing = await (await admin.GetAsync("/api/v1/briefing")).ReadJsonAsync();
        briefing.GetProperty("method").GetString().Should().Be("deployed");
        briefing.GetProperty("model").GetString().Should().Be("last-value");
        briefing.GetProperty("fallback").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var first = briefing.GetProperty("zones").EnumerateArray().Single(z => z.GetProperty("zoneId").GetString() == _minutes.Sensors[0].ToString());
        first.GetProperty("total").GetDouble().Should().Be(24 * 4 * Total(0, _liveFrom - 15), "every quarter-hour of the day is forecast as the last before the hour the briefing ends at");
    }

    private double Total(int series, int from)
    {
        var total = 0.0;
        for (var m = from; m < from + 15; m++)
        {
            total += _minutes.Values(series)[m];
        }

        return total;
    }

    private DateTimeOffset Instant(int minute) => new(_minutes.LabelAt(minute).ToDateTime(), TimeSpan.Zero);


    private string Json(int minute)
    {
        var text = new StringBuilder("[");
        for (var s = 0; s < _minutes.Sensors.Count; s++)
        {
            text.Append(s > 0 ? "," : "").Append(CultureInfo.InvariantCulture, $"{{\"sensorId\":\"{_minutes.Sensors[s]}\",\"timestamp\":\"{_minutes.LabelAt(minute)}\",\"value\":{_minutes.Values(s)[minute]}}}");
        }

        return text.Append(']').ToString();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.ZoneSeries;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.ZoneSeries;

/// <summary>
/// The zone forecast the server shows and alerts on is the deployed model's: Core's builder applied to the forecasts
/// the deployment stored for the zone's sources, named by the model; the seasonal band only before a model is deployed.
/// </summary>
public sealed class DeployedZoneForecastTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 2, 3));
    private static readonly TimeLabel Now = Start + TimeSpan.FromDays(35) + TimeSpan.FromHours(9);
    private readonly string _folder = Directory.CreateTempSubdirectory("surgewatch-zone-forecast-").FullName;

    public DeployedZoneForecastTests()
    {
        using var store = SqliteStore.Open(DatabasePath);
        store.UpsertZonesAsync(SyntheticZones.Zones()).GetAwaiter().GetResult();
        store.UpsertSensorsAsync(SyntheticZones.Sensors(Hour)).GetAwaiter().GetResult();
        var batch = new ObservationBatch(64 * 1024);
        for (var t = Start; t < Now; t += Hour)
        {
            SyntheticZones.AddReadings(batch, t, Hour, surgeStart: null);
        }

        store.UpsertObservationsAsync(batch).GetAwaiter().GetResult();
    }

    private string DatabasePath => Path.Combine(_folder, "store.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Series_ModelDeployed_IsTheCoreBuilderOnTheStoredSourceForecastsAndNamesTheModel()
    {
        using (var store = SqliteStore.Open(DatabasePath))
        {
            var counters = (await StorePanels.LoadAsync(store, null, CancellationToken.None))!;
            var trained = ModelTrainer.Train(counters.Panel, null, new TrainingRequest("historical-median-4w"), TimeProvider.System);
            await store.SaveModelAsync(trained.Saved);
        }

        using var server = new ClockedServer(new ManualTime(new DateTimeOffset(Now.ToDateTime(), TimeSpan.Zero)), DatabasePath);
        var deployment = server.Services.GetRequiredService<LiveDeployment>();
        await deployment.DeployLatestAsync(CancellationToken.None);
        await deployment.IssueDueAsync(CancellationToken.None);
        var zone = SyntheticZones.Zones().Single(z => z.Id.Value == "market-square");

        var series = await (await server.CreateClient().GetAsync($"/api/v1/zones/{zone.Id}/series?to={Now + TimeSpan.FromHours(3)}")).ReadJsonAsync();

        series.GetProperty("model").GetString().Should().Be("historical-median-4w");
        var stored = new List<Forecast>();
        foreach (var source in zone.Sources)
        {
            stored.Add((await server.Services.GetRequiredService<IForecastStore>().LatestForecastAsync(source.Sensor, "historical-median-4w", Now))!);
        }

        var expected = ZoneForecastBuilder.Build(zone, stored, Hour)!.Points.Where(p => p.Target + Hour > Now && p.Target < Now + TimeSpan.FromHours(3)).ToList();
        var forecast = series.GetProperty("forecast").EnumerateArray().ToList();
        expected.Should().HaveCount(3);
        forecast.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            forecast[i].GetProperty("t").GetString().Should().Be(expected[i].Target + "+00:00");
            forecast[i].GetProperty("mean").GetDouble().Should().BeApproximately(expected[i].Density, 1e-4);
            forecast[i].GetProperty("hi80").GetDouble().Should().BeApproximately(expected[i].Interval(0.8)!.Value.Upper, 1e-4);
            forecast[i].GetProperty("lo95").GetDouble().Should().BeApproximately(expected[i].Interval(0.95)!.Value.Lower, 1e-4);
        }

        var bounds = server.Services.GetRequiredService<ZoneForecasts>();
        (await bounds.ForecastAsync(zone, Now, Now + TimeSpan.FromHours(2), CancellationToken.None)).Model.Should().Be("historical-median-4w");
    }

    [Fact]
    public async Task Series_NoModelDeployed_NamesTheSeasonalBandAsAFallback()
    {
        using var server = new ClockedServer(new ManualTime(new DateTimeOffset(Now.ToDateTime(), TimeSpan.Zero)), DatabasePath);

        var series = await (await server.CreateClient().GetAsync($"/api/v1/zones/market-square/series")).ReadJsonAsync();

        series.GetProperty("model").GetString().Should().Be(ZoneForecasts.FallbackModel).And.Contain("fallback");
        series.GetProperty("forecast").GetArrayLength().Should().BeGreaterThan(0);
    }
}

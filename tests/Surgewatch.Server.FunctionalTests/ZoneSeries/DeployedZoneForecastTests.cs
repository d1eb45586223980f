using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.ZoneSeries;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.ZoneSeries;
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
    private readonly StoreFolder _store = new();

    public DeployedZoneForecastTests() => SyntheticZoneStore.Fill(DatabasePath, Start, Now, Hour);

    private string DatabasePath => _store.DatabasePath;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Series_ModelDeployed_IsTheCoreBuilderOnTheStoredSourceForecastsAndNamesTheModel()
    {
        await SyntheticZoneStore.SaveModelAsync(DatabasePath, "historical-median-4w");
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

using System.Globalization;
using System.Text.Json;

namespace Surgewatch.Dashboard.EndToEndTests.Infrastructure;

/// <summary>
/// <c>surgewatch serve --replay</c> on a Melbourne-shaped data folder (<see cref="CounterCityData"/>: counters with
/// positions, no zones) and one headless Chromium. The replay clock is paused at the end of the stored history until
/// the server has trained and deployed its first model and issued the counters' first outlook, so every test starts
/// from the same Saturday 00:00 with forecasts and surge thresholds in place; a test that needs time to pass runs it.
/// </summary>
public sealed class CountersFixture : BrowserFixture
{
    /// <summary>Simulated seconds per real second while a test runs the clock: the Saturday surge comes in about 40 s.</summary>
    public const int Speed = 1800;

    private static readonly TimeSpan DeployTimeout = TimeSpan.FromSeconds(240);

    /// <summary>The sensors' ids, as written to sensors.csv.</summary>
    public IReadOnlyList<string> SensorIds { get; private set; } = [];

    private protected override Task<DemoServer> StartServerAsync()
    {
        var folder = Directory.CreateTempSubdirectory("surgewatch-e2e-counters-").FullName;
        var data = Path.Combine(folder, "counters");
        SensorIds = CounterCityData.Write(data);
        return DemoServer.StartAsync(folder, "counters-server.log",
            "--replay", data, "--speed", Speed.ToString(CultureInfo.InvariantCulture), "--history-days", CounterCityData.HistoryDays.ToString(CultureInfo.InvariantCulture));
    }

    protected override async Task OnServerStartedAsync()
    {
        await SetClockAsync(paused: true);
        await WaitForCounterOutlookAsync();
    }

    /// <summary>Waits until GET /api/v1/counters lists every counter, with surge thresholds: a model is deployed with its rule.</summary>
    private async Task WaitForCounterOutlookAsync()
    {
        using var http = new HttpClient { BaseAddress = Url };
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var last = "";
        while (waited.Elapsed < DeployTimeout)
        {
            last = await http.GetStringAsync("/api/v1/counters");
            using var counters = JsonDocument.Parse(last);
            if (counters.RootElement.GetArrayLength() == CounterCityData.Sensors
                && counters.RootElement.EnumerateArray().Any(c => c.GetProperty("threshold").ValueKind == JsonValueKind.Number))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"No deployed model gave the counters surge thresholds within {DeployTimeout.TotalSeconds} s (see counters-server.log); /api/v1/counters: {last}");
    }
}

[CollectionDefinition(Name)]
public sealed class CountersCollection : ICollectionFixture<CountersFixture>
{
    public const string Name = "Counters";
}

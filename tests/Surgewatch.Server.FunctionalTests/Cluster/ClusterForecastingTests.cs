using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.ZoneSeries;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>
/// In a cluster each forecast is made once: the counters' and roads' by the node holding the models' step (which
/// writes them to the store and shares its outlooks), each zone's by the node holding the zone; the other nodes show
/// what those made, and answer the same.
/// </summary>
public sealed class ClusterForecastingTests : IDisposable
{
    private const string Model = "historical-median-4w";
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 2, 3));
    private static readonly TimeLabel Now = Start + TimeSpan.FromDays(35) + TimeSpan.FromHours(9);
    private readonly StoreFolder _store = new();

    public ClusterForecastingTests() => SyntheticZoneStore.Fill(DatabasePath, Start, Now, Hour);

    private string DatabasePath => _store.DatabasePath;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _store.Dispose();
    }

    [Fact]
    public async Task Deploy_NodeWithoutTheModelsStep_ForecastsNothingAndShowsWhatTheHolderSharesUntilItTakesTheModelsOver()
    {
        var saved = await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        var sensor = SyntheticZones.Sensors(Hour)[0].Id;
        var counter = new CounterStatusDto(sensor.Value, "2025-03-10T09:00:00+00:00", 12.5, 0.25, false, null, true, Model, "ok");
        var link = new OutlookLink { Shared = new ModelsOutlook(saved, [counter], null, []).ToText() };
        var held = new ConcurrentDictionary<string, byte>();
        using var node = Node(link, held);
        var client = node.CreateClient();

        var counters = await EventuallyAsync(async () => await client.GetStringAsync("/api/v1/counters"), text => text.Contains("12.5", StringComparison.Ordinal));
        counters.Should().Contain(sensor.Value, "a node that does not run the models shows the outlook the holder shared");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two more ticks of the deployment, which would issue the slot here without the gate
        (await LatestAsync(node, sensor)).Should().BeNull("the node holding the models' step forecasts; this one writes nothing");
        node.Services.GetRequiredService<LiveDeployment>().Model!.Id.Should().Be(saved, "it shows the model the holder runs");
        var models = (await (await client.GetAsync("/api/v1/models")).ReadJsonAsync()).EnumerateArray().ToList();
        models.Should().ContainSingle().Which.GetProperty("deployed").GetBoolean().Should().BeTrue();
        (await client.GetAsync($"/api/v1/forecasts?sensor={sensor}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the followed model is the default, and it has stored nothing yet");

        held[IZoneOwnership.ModelsSubject] = 0;
        (await EventuallyAsync(() => LatestAsync(node, sensor), f => f is not null)).Should().NotBeNull("the node forecasts once it holds the models' step");
        var mine = await EventuallyAsync(() => Task.FromResult(link.Mine), text => text is not null && text.Contains(Model, StringComparison.Ordinal));
        var outlook = ModelsOutlook.Parse(mine!);
        outlook.CounterModel.Should().Be(saved);
        outlook.Counters.Should().NotContain(counter, "it shares its own outlooks (none: this model has no surge rule), not those it followed");
    }

    [Fact]
    public async Task Forecasts_TwoNodesOnOneStore_MadeByTheHoldersAndAnsweredTheSameOnBoth()
    {
        await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        var link = new OutlookLink();
        var zones = SyntheticZones.Zones().Select(z => z.Id.Value).ToList();
        var first = new ConcurrentDictionary<string, byte>(zones.Take(7).Append(IZoneOwnership.ModelsSubject).Select(z => KeyValuePair.Create(z, (byte)0)));
        var second = new ConcurrentDictionary<string, byte>(zones.Skip(7).Select(z => KeyValuePair.Create(z, (byte)0)));
        using var holder = Node(link, first);
        using var follower = Node(link, second);
        var sensor = SyntheticZones.Sensors(Hour)[0].Id;

        await EventuallyAsync(() => LatestAsync(holder, sensor), f => f is not null);
        var counters = await EventuallyAsync(
            async () => (await holder.CreateClient().GetStringAsync("/api/v1/counters"), await follower.CreateClient().GetStringAsync("/api/v1/counters")),
            pair => pair.Item1.Length > 2 && pair.Item1 == pair.Item2);
        counters.Item2.Should().Be(counters.Item1, "the follower shows the holder's outlooks");
        follower.Services.GetRequiredService<LiveDeployment>().Runs.Should().BeFalse("one node runs the models");
        foreach (var path in (string[])[$"/api/v1/forecasts?sensor={sensor}", $"/api/v1/zones/{zones[0]}/series", $"/api/v1/zones/{zones[^1]}/series", "/api/v1/models"])
        {
            (await follower.CreateClient().GetStringAsync(path)).Should().Be(await holder.CreateClient().GetStringAsync(path), $"{path} answers the same on both nodes");
        }

        var site = TimeZoneInfo.Utc;
        var at = new DateTimeOffset(Now.ToDateTime(), TimeSpan.Zero);
        var holderBounds = holder.Services.GetRequiredService<ForecastBroadcaster>();
        var followerBounds = follower.Services.GetRequiredService<ForecastBroadcaster>();
        await EventuallyAsync(() => Task.FromResult(holderBounds.Bounds(zones[0], Now, at, site).Count), n => n > 0);
        await EventuallyAsync(() => Task.FromResult(followerBounds.Bounds(zones[^1], Now, at, site).Count), n => n > 0);
        holderBounds.Bounds(zones[^1], Now, at, site).Should().BeEmpty("each zone's forecast is made by the node holding the zone");
        followerBounds.Bounds(zones[0], Now, at, site).Should().BeEmpty("each zone's forecast is made by the node holding the zone");
    }

    private ClockedServer Node(OutlookLink link, ConcurrentDictionary<string, byte> held) =>
        new(new ManualTime(new DateTimeOffset(Now.ToDateTime(), TimeSpan.Zero)), DatabasePath, services: s =>
        {
            s.AddSingleton<IZoneOwnership>(new TestOwnership(held));
            s.AddSingleton<IModelsOutlookShare>(link);
        }) { KeepFiles = true };

    private static Task<Forecast?> LatestAsync(ClockedServer node, SensorId sensor) =>
        node.Services.GetRequiredService<IForecastStore>().LatestForecastAsync(sensor, Model, new TimeLabel(long.MaxValue));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 240 && !done(value); i++)
        {
            await Task.Delay(250);
            value = await read();
        }

        return value;
    }


    /// <summary>The models' grain between two nodes: what the holder shares is what the others read.</summary>
    private sealed class OutlookLink : IModelsOutlookShare
    {
        private volatile string? _shared;

        public string? Shared { get => _shared; init => _shared = value; }

        /// <summary>What a node shared last (null before any).</summary>
        public string? Mine { get; private set; }

        public void Share(string outlook) => (Mine, _shared) = (outlook, outlook);
    }
}

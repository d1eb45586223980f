using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Models.Deployment;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Deployment;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.ZoneSeries;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>
/// In a cluster each forecast is made once: a counter's by the node holding its group's step, a road's likewise
/// (each writes its groups' forecasts to the store and shares their outlooks), each zone's by the node holding the
/// zone; the other nodes show what those made, and answer the same.
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
    public async Task Deploy_NodeWithoutACountersGroup_ForecastsNothingAndShowsWhatTheHolderSharesUntilItTakesTheCountersOver()
    {
        var saved = await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        var sensor = SyntheticZones.Sensors(Hour)[0].Id;
        var counter = new CounterStatusDto(sensor.Value, "2025-03-10T09:00:00+00:00", 12.5, 0.25, false, null, true, Model, "ok");
        var link = new OutlookLink();
        var step = FamilySteps.Of(ModelSubjects.Counters, sensor);
        link.Give(step, new FamilyOutlook<CounterStatusDto>(saved, [counter]).ToText());
        var held = new ConcurrentDictionary<string, byte>(Groups(ModelSubjects.Roads).Select(g => KeyValuePair.Create(g, (byte)0)));
        using var node = Node(link, held);
        var client = node.CreateClient();

        var counters = await EventuallyAsync(async () => await client.GetStringAsync("/api/v1/counters"), text => text.Contains("12.5", StringComparison.Ordinal));
        counters.Should().Contain(sensor.Value, "a node that does not run the counters' model shows the outlook the holder shared");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two more ticks of the deployment, which would issue the slot here without the gate
        (await LatestAsync(node, sensor)).Should().BeNull("the node holding the counters' step forecasts them; this one, holding the roads', writes no counter's");
        node.Services.GetRequiredService<LiveDeployment>().Model!.Id.Should().Be(saved, "it shows the model the holder runs");
        var models = (await (await client.GetAsync("/api/v1/models")).ReadJsonAsync()).EnumerateArray().ToList();
        models.Should().ContainSingle().Which.GetProperty("deployed").GetBoolean().Should().BeTrue();
        (await client.GetAsync($"/api/v1/forecasts?sensor={sensor}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "the followed model is the default, and it has stored nothing yet");

        foreach (var group in Groups(ModelSubjects.Counters))
        {
            held[group] = 0;
        }

        (await EventuallyAsync(() => LatestAsync(node, sensor), f => f is not null)).Should().NotBeNull("the node forecasts once it holds the counters' groups");
        var mine = await EventuallyAsync(() => Task.FromResult(link.Mine.GetValueOrDefault(step)), text => text is not null);
        var outlook = FamilyOutlook<CounterStatusDto>.Parse(mine!);
        outlook.Model.Should().Be(saved);
        outlook.Statuses.Should().NotContain(counter, "it shares its own outlooks (none: this model has no surge rule), not those it followed");
    }

    [Fact]
    public async Task Forecasts_TwoNodesOnOneStore_MadeByTheHoldersAndAnsweredTheSameOnBoth()
    {
        await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        var link = new OutlookLink();
        var zones = SyntheticZones.Zones().Select(z => z.Id.Value).ToList();
        var first = new ConcurrentDictionary<string, byte>(zones.Take(7).Select(z => KeyValuePair.Create(z, (byte)0)));
        var second = new ConcurrentDictionary<string, byte>(zones.Skip(7).Select(z => KeyValuePair.Create(z, (byte)0)));
        foreach (var step in FamilySteps.All)
        {
            (FamilySteps.TryParse(step, out _, out var group) && group < SensorGroups.Count / 2 ? first : second)[step] = 0;
        }

        var half = SensorGroups.All.Except(FamilySteps.Held(ModelSubjects.Counters, second.ContainsKey));
        var sensors = SyntheticZones.Sensors(Hour).Select(s => s.Id).ToList();
        var (mine, theirs) = (sensors.First(half.Covers), sensors.First(s => !half.Covers(s)));
        using var holder = Node(link, first);
        using var follower = Node(link, second);

        (await EventuallyAsync(() => LatestAsync(holder, mine), f => f is not null)).Should().NotBeNull("the first node forecasts the counters of its groups");
        (await EventuallyAsync(() => LatestAsync(follower, theirs), f => f is not null)).Should().NotBeNull("the second node forecasts those of its own");
        var counters = await EventuallyAsync(
            async () => (await holder.CreateClient().GetStringAsync("/api/v1/counters"), await follower.CreateClient().GetStringAsync("/api/v1/counters")),
            pair => pair.Item1.Length > 2 && pair.Item1 == pair.Item2);
        counters.Item2.Should().Be(counters.Item1, "each node shows its own groups' outlooks and those the other shared");
        holder.Services.GetRequiredService<LiveDeployment>().Covers.Should().Be(half, "each node runs the counters' model for its own groups");
        follower.Services.GetRequiredService<LiveDeployment>().Covers.Should().Be(SensorGroups.All.Except(half));
        var sensor = mine;
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

    [Fact]
    public async Task Forecasts_CountersAndRoadsHeldByTwoNodes_EachFamilyRunOnItsHolderAndShownOnBoth()
    {
        await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        await AddRoadsAsync();
        var link = new OutlookLink();
        var zones = SyntheticZones.Zones().Select(z => z.Id.Value).ToList();
        using var counters = Node(link, new ConcurrentDictionary<string, byte>(zones.Take(7).Concat(Groups(ModelSubjects.Counters)).Select(z => KeyValuePair.Create(z, (byte)0))));
        using var roads = Node(link, new ConcurrentDictionary<string, byte>(zones.Skip(7).Concat(Groups(ModelSubjects.Roads)).Select(z => KeyValuePair.Create(z, (byte)0))));
        var (sensor, road) = (SyntheticZones.Sensors(Hour)[0].Id, SyntheticRoads.Sensors()[0].Id);

        (await EventuallyAsync(() => LatestAsync(counters, sensor), f => f is not null)).Should().NotBeNull("the counters' holder forecasts the counters");
        (await EventuallyAsync(() => LatestAsync(roads, road, DayKindMedianModel.ModelName), f => f is not null)).Should().NotBeNull("the roads' holder forecasts the roads");
        var shown = await EventuallyAsync(
            async () => (await counters.CreateClient().GetStringAsync("/api/v1/roads"), await roads.CreateClient().GetStringAsync("/api/v1/roads")),
            pair => pair.Item2.Contains(road.Value, StringComparison.Ordinal) && pair.Item1 == pair.Item2);

        shown.Item1.Should().Be(shown.Item2, "the counters' holder shows the roads' outlook their holder shared");
        counters.Services.GetRequiredService<LiveDeployment>().Runs.Should().BeTrue();
        counters.Services.GetRequiredService<RoadDeployment>().Runs.Should().BeFalse("the roads are run by the node holding their step");
        roads.Services.GetRequiredService<RoadDeployment>().Runs.Should().BeTrue();
        roads.Services.GetRequiredService<LiveDeployment>().Runs.Should().BeFalse("the counters are run by the node holding their step");
        link.Mine.Keys.Should().BeEquivalentTo(FamilySteps.All, "each holder shares each of its groups' outlook");
        FamilyOutlook<RoadStatusDto>.Parse(link.Mine[FamilySteps.Of(ModelSubjects.Roads, road)]).Statuses.Should().ContainSingle(r => r.SensorId == road.Value);
    }

    [Fact]
    public async Task Alerts_RoadsGroupMovedToAnotherNode_ItsFiringAcknowledgedAlertGoesOnThereWithoutANewFiring()
    {
        await SyntheticZoneStore.SaveModelAsync(DatabasePath, Model);
        await AddRoadsAsync();
        var link = new OutlookLink();
        var firstHeld = new ConcurrentDictionary<string, byte>(Groups(ModelSubjects.Roads).Select(g => KeyValuePair.Create(g, (byte)0)));
        var secondHeld = new ConcurrentDictionary<string, byte>();
        using var first = Node(link, firstHeld);
        using var second = Node(link, secondHeld);
        var firing = await EventuallyAsync(
            async () => (await first.Services.GetRequiredService<AlertBook>().ListAsync(false, CancellationToken.None))
                .FirstOrDefault(a => a.RuleId == Core.Roads.CongestionMonitor.RuleId && a.State == "firing"),
            a => a is not null);
        firing.Should().NotBeNull("Bank Street's rule warns at this hour");
        var key = firing!.Key;
        var ack = await first.ClientWithKey(ServerFixture.AdminKey).PostAsync($"/api/v1/alerts/{Uri.EscapeDataString(key)}/ack", Bodies.Json("""{"note":"crew sent"}"""));
        ack.StatusCode.Should().Be(HttpStatusCode.OK, await ack.Content.ReadAsStringAsync());

        // The road's group moves to the second node; the first keeps its other groups.
        var step = FamilySteps.Of(ModelSubjects.Roads, new SensorId(firing.ZoneId));
        secondHeld[step] = 0;
        firstHeld.TryRemove(step, out _);

        var moved = await EventuallyAsync(() => second.AlertAsync(key), a => a is not null);
        moved.Should().NotBeNull("the node that gained the group restored its alerts from the store");
        moved!.State.Should().Be("firing");
        moved.Acknowledged.Should().BeTrue("the acknowledgement taken on the first node was saved with the alert");
        moved.Since.Should().Be(firing.Since, "the episode goes on; no new one started");
        (await EventuallyAsync(() => first.AlertAsync(key), a => a is null)).Should().BeNull("the first node let the alert of the group it lost go");
        second.Services.GetRequiredService<RoadDeployment>().Covers.Should().Be(SensorGroups.Single(SensorGroups.Of(new SensorId(firing.ZoneId))));
        var rest = FamilySteps.Held(ModelSubjects.Roads, firstHeld.ContainsKey);
        (await EventuallyAsync(() => Task.FromResult(first.Services.GetRequiredService<RoadDeployment>().Covers), c => c == rest))
            .Should().Be(rest, "the first node deploys again for the groups it kept");
        await Task.Delay(TimeSpan.FromSeconds(2)); // more steps on both nodes
        var events = await first.Services.GetRequiredService<Core.Alerting.IAlertStore>().ListAlertEventsAsync(DateTimeOffset.MinValue, 1000);
        events.Count(e => e.AlertKey == key && e.State == Core.Alerting.AlertState.Firing && e.Actor is null).Should().Be(1, "the alert fired once, on the first node");
    }

    /// <summary>Adds the synthetic Bank Street to the store: its speeds up to <see cref="Now"/> and a roads model with its congestion rule.</summary>
    private async Task AddRoadsAsync()
    {
        var history = new ObservationBatch(8 * 288 * 36);
        for (var t = Start; t < Now; t += SyntheticRoads.Step)
        {
            SyntheticRoads.AddReadings(history, t, null);
        }

        var trained = ModelTrainer.Train(
            SeriesPanel.FromBatch(history, SyntheticRoads.Step), null, new TrainingRequest(DayKindMedianModel.ModelName, Subjects: ModelSubjects.Roads), TimeProvider.System);
        using var store = SqliteStore.Open(DatabasePath);
        await store.UpsertSensorsAsync(SyntheticRoads.Sensors());
        await store.UpsertObservationsAsync(history);
        await store.SaveModelAsync(trained.Saved);
    }

    private ClockedServer Node(OutlookLink link, ConcurrentDictionary<string, byte> held) =>
        new(new ManualTime(new DateTimeOffset(Now.ToDateTime(), TimeSpan.Zero)), DatabasePath, services: s =>
        {
            s.AddSingleton<IZoneOwnership>(new TestOwnership(held));
            s.AddSingleton<IModelsOutlookShare>(link);
        }) { KeepFiles = true };

    /// <summary>Every group's step of <paramref name="family"/>.</summary>
    private static IEnumerable<string> Groups(ModelSubjects family) => Enumerable.Range(0, SensorGroups.Count).Select(g => FamilySteps.Step(family, g));

    private static Task<Forecast?> LatestAsync(ClockedServer node, SensorId sensor, string model = Model) =>
        node.Services.GetRequiredService<IForecastStore>().LatestForecastAsync(sensor, model, new TimeLabel(long.MaxValue));

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


    /// <summary>The families' grains between two nodes: what a holder shares is what the others read.</summary>
    private sealed class OutlookLink : IModelsOutlookShare
    {
        private readonly ConcurrentDictionary<string, string> _shared = new(StringComparer.Ordinal);

        /// <summary>What the nodes shared last, by family step.</summary>
        public ConcurrentDictionary<string, string> Mine { get; } = new(StringComparer.Ordinal);

        public string? Shared(string family) => _shared.GetValueOrDefault(family);

        public void Share(string family, string outlook)
        {
            Mine[family] = outlook;
            _shared[family] = outlook;
        }

        /// <summary>Shares <paramref name="outlook"/> as a node not under test would.</summary>
        public void Give(string family, string outlook) => _shared[family] = outlook;
    }
}

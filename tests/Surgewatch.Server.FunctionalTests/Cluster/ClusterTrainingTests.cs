using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Cluster;

/// <summary>In a cluster a family's model is trained once, by the node holding the family's step, not by every node.</summary>
public sealed class ClusterTrainingTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 2, 3);
    private readonly StoreFolder _store = new();

    public ClusterTrainingTests()
    {
        var city = SyntheticCity.Create(new SyntheticCityOptions(3, First, 16, TimeSpan.FromHours(1), Seed: 5, OutagesPerSensorYear: 0));
        using var store = SqliteStore.Open(_store.DatabasePath);
        store.UpsertSensorsAsync(city.Sensors).GetAwaiter().GetResult();
        store.UpsertObservationsAsync(city.GenerateObservations()).GetAwaiter().GetResult();
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Train_NodeHoldingTheRoadsAndCountersGroupsButNotTheLead_TrainsNoCountersModelUntilItTakesTheLeadOver()
    {
        var held = new ConcurrentDictionary<string, byte>(
            FamilySteps.All.Where(s => s != FamilySteps.Lead(ModelSubjects.Counters)).Select(s => KeyValuePair.Create(s, (byte)0)));
        var time = new ManualTime(new DateTimeOffset(TimeLabel.FromDate(First.AddDays(16)).ToDateTime(), TimeSpan.Zero));
        using var node = new ClockedServer(time, _store.DatabasePath, services: s => s.AddSingleton<IZoneOwnership>(new TestOwnership(held))) { KeepFiles = true };
        var models = node.Services.GetRequiredService<IModelStore>();

        await Task.Delay(TimeSpan.FromSeconds(3));
        (await models.LatestModelAsync()).Should().BeNull("sixteen days of counters would be trained at once, but another node holds the counters' lead group, whose holder trains them");

        held[FamilySteps.Lead(ModelSubjects.Counters)] = 0;
        SavedModel? trained = null;
        for (var i = 0; i < 120 && trained is null; i++)
        {
            await Task.Delay(250);
            trained = await models.LatestModelAsync();
        }

        trained.Should().NotBeNull("the node trains once it holds the counters' lead group (at its next poll)");
        trained!.Subjects.Should().Be(ModelSubjects.Counters);
    }
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Storage.Sqlite;
using Surgewatch.Models.Catalog;
using Surgewatch.Models.Deployment;
using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.FunctionalTests.Deployment;

/// <summary>
/// A node of a cluster running some groups of a family loads a panel of their sensors alone; what it forecasts for them
/// must be what the family's whole panel gives.
/// </summary>
public sealed class GroupPanelTests
{
    public static TheoryData<string> Models() => [.. ModelCatalogs.Names.Where(n => n != "gbm" || Surgewatch.Forecasting.XGBoost.Native.XGBoostLibrary.IsAvailable)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Load_PanelOfSomeSensors_ForecastsThemAsThePanelOfAll(string name)
    {
        var city = SyntheticCity.Create(SyntheticCityOptions.Small);
        var panel = SeriesPanel.FromBatch(city.GenerateObservations(), city.Options.Step);
        var saved = ModelTrainer.Train(panel, null, new TrainingRequest(name), TimeProvider.System).Saved;
        var some = panel.Sensors.Where((_, i) => i % 3 == 1).ToList();
        var part = new SeriesPanel(panel.Start, panel.Step, some, [.. some.Select(s => panel.Values(panel.IndexOf(s)).ToArray())]);
        var whole = DeployedModel.Load(saved, panel, null).Forecaster;
        var group = DeployedModel.Load(saved, part, null).Forecaster;
        const int horizon = 24;
        var all = new double[panel.Sensors.Count * horizon];
        var mine = new double[some.Count * horizon];

        BatchPrediction.PredictAll(whole, new ForecastOrigin(panel, panel.Length - 1), all);
        BatchPrediction.PredictAll(group, new ForecastOrigin(part, part.Length - 1), mine);

        for (var p = 0; p < some.Count; p++)
        {
            var s = panel.IndexOf(some[p]);
            mine.AsSpan(p * horizon, horizon).ToArray().Should().Equal(all.AsSpan(s * horizon, horizon).ToArray(), $"{name}: {some[p]}");
        }
    }

    [Fact]
    public async Task LoadAsync_SomeGroupsOfAModelWithoutGraphFeatures_HoldsOnlyTheirSensors()
    {
        using var folder = new StoreFolder();
        var start = TimeLabel.FromDate(new DateOnly(2025, 2, 3));
        var now = start + TimeSpan.FromDays(35);
        SyntheticZoneStore.Fill(folder.DatabasePath, start, now, TimeSpan.FromHours(1));
        await SyntheticZoneStore.SaveModelAsync(folder.DatabasePath, "historical-median-4w");
        using var store = SqliteStore.Open(folder.DatabasePath);
        var saved = (await store.LatestModelAsync())!;
        var groups = SensorGroups.Single(0).With(SensorGroups.Single(5)).With(SensorGroups.Single(7));

        var all = (await DeploymentPanel.LoadAsync(store, saved, now, CancellationToken.None)).Panel;
        var some = (await DeploymentPanel.LoadAsync(store, saved, now, CancellationToken.None, groups)).Panel;

        some.Sensors.Should().NotBeEmpty().And.OnlyContain(s => groups.Covers(s)).And.BeEquivalentTo(all.Sensors.Where(s => groups.Covers(s)));
        some.Values(0).ToArray().Should().Equal(all.Values(all.IndexOf(some.Sensors[0])).ToArray());
    }
}

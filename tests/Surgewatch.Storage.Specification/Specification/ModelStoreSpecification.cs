using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IModelStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ModelStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private IModelStore? _store;

    protected IModelStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IModelStore CreateStore();

    [StoreFact]
    public async Task GetModelAsync_SavedModel_ComesBackWhole()
    {
        var model = Model("gbm", [1, 2, 3, 255]);

        var id = await Store.SaveModelAsync(model);
        var found = await Store.GetModelAsync(id);

        found.Should().BeEquivalentTo(model with { Id = id });
    }

    [StoreFact]
    public async Task LatestModelAsync_SeveralSaved_IsTheLastSavedOfThatName()
    {
        await Store.SaveModelAsync(Model("gbm", [1]));
        var lastGbm = await Store.SaveModelAsync(Model("gbm", [2]));
        var lastAny = await Store.SaveModelAsync(Model("last-value", [3]));

        (await Store.LatestModelAsync("GBM"))!.Id.Should().Be(lastGbm);
        (await Store.LatestModelAsync())!.Id.Should().Be(lastAny);
    }

    [StoreFact]
    public async Task LatestModelAsync_CountersAndRoadsModels_EachSubjectGetsItsOwnLatest()
    {
        var counters = await Store.SaveModelAsync(Model("gbm", [1]));
        var roads = await Store.SaveModelAsync(Model("gbm", [2]) with { Subjects = ModelSubjects.Roads, Rule = [8] });

        (await Store.LatestModelAsync("gbm", ModelSubjects.Counters))!.Id.Should().Be(counters);
        (await Store.LatestModelAsync(null, ModelSubjects.Roads))!.Should().Match<SavedModel>(m => m.Id == roads && m.Subjects == ModelSubjects.Roads);
        (await Store.LatestModelAsync())!.Id.Should().Be(roads);
        (await Store.ListModelsAsync()).Select(m => m.Subjects).Should().Equal(ModelSubjects.Roads, ModelSubjects.Counters);
        (await Store.LatestModelAsync("last-value", ModelSubjects.Roads)).Should().BeNull();
    }

    [StoreFact]
    public async Task GetModelAsync_WithRuleAndValidation_ComesBackWhole()
    {
        var model = Model("gbm", [9]) with { Rule = [4, 5, 6], Validation = """{"wapeNextStep":0.09}""" };

        var id = await Store.SaveModelAsync(model);

        (await Store.GetModelAsync(id)).Should().BeEquivalentTo(model with { Id = id });
        (await Store.LatestModelAsync())!.Rule.Should().Equal(4, 5, 6);
    }

    [StoreFact]
    public async Task ListModelsAsync_SeveralSaved_ListsNewestFirstWithoutTheirStates()
    {
        var first = await Store.SaveModelAsync(Model("historical-median-4w", [1, 2]));
        var second = await Store.SaveModelAsync(Model("gbm", [3]) with { Rule = [7], Validation = "{}" });

        var listed = await Store.ListModelsAsync();

        listed.Select(m => m.Id).Should().Equal(second, first);
        listed[0].Name.Should().Be("gbm");
        listed[0].Validation.Should().Be("{}");
        listed[0].TrainTo.Should().Be(TimeLabel.FromDate(new DateOnly(2024, 2, 1)));
        listed.Should().OnlyContain(m => m.State.Length == 0 && m.Rule == null);
    }

    [StoreFact]
    public async Task GetModelAsync_Unknown_IsNull()
    {
        (await Store.GetModelAsync(42)).Should().BeNull();
        (await Store.LatestModelAsync()).Should().BeNull();
    }

    private static SavedModel Model(string name, byte[] state) => new(
        0,
        name,
        "gbm/1 xgboost 1.7.4",
        T0,
        """{"columns":["last"]}""",
        TimeLabel.FromDate(new DateOnly(2024, 1, 1)),
        TimeLabel.FromDate(new DateOnly(2024, 2, 1)),
        TimeSpan.FromHours(1),
        [new SensorId("a"), new SensorId("b")],
        state);
}

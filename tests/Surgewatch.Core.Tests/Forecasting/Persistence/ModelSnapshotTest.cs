using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Intervals;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Forecasting.Intervals;

namespace Surgewatch.Core.Tests.Forecasting.Persistence;

public class ModelSnapshotTest
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Baselines => [.. ForecastModelCatalog.Default.Names];

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Load_SavedConformalBaseline_ForecastsFreshDataAsTheFittedOneWithoutFitting(string name)
    {
        var history = IntervalTestPanels.Noisy(70, seed: 2, 10, 300);
        var fresh = IntervalTestPanels.Noisy(80, seed: 2, 10, 300);
        var model = new ConformalModel(ForecastModelCatalog.Default.Get(name));
        var fitted = model.Fit(history, history.Length);
        var saved = ModelSnapshot.Save(model, fitted, history, history.Length, "{}", Created);

        var counting = new ConformalModel(new FitForbidden((IPersistentForecastModel)ForecastModelCatalog.Default.Get(name)));
        var loaded = ModelSnapshot.Load(counting, saved with { Version = counting.Version }, fresh);

        var origin = new ForecastOrigin(fresh, fresh.Length - 1);
        Forecasts(loaded, origin).Should().Equal(Forecasts(fitted, origin), "a baseline's forecaster is bound to the grid's step only, so the fitted one serves as reference");
    }

    [Fact]
    public void Save_Always_RecordsTheWindowStepAndSensors()
    {
        var panel = IntervalTestPanels.Noisy(40, seed: 1, 5, 6);
        var model = new ConformalModel(new LastValueModel());

        var saved = ModelSnapshot.Save(model, model.Fit(panel, 30 * 24), panel, 30 * 24, "{}", Created);

        saved.Name.Should().Be("last-value");
        saved.Version.Should().Be("conformal/1+baseline/1");
        saved.TrainFrom.Should().Be(panel.Start);
        saved.TrainTo.Should().Be(panel.LabelAt(30 * 24));
        saved.Step.Should().Be(TimeSpan.FromHours(1));
        saved.Sensors.Select(s => s.ToString()).Should().Equal("s0", "s1");
    }

    [Fact]
    public void Load_AnotherModelsState_ThrowsModelStateException()
    {
        var panel = IntervalTestPanels.Noisy(40, seed: 1, 5);
        var model = new ConformalModel(new LastValueModel());
        var saved = ModelSnapshot.Save(model, model.Fit(panel, panel.Length), panel, panel.Length, "{}", Created);
        var other = new ConformalModel(new SeasonalNaiveModel(SeasonalPeriod.Day));

        var act = () => ModelSnapshot.Load(other, saved, panel);

        act.Should().Throw<ModelStateException>().WithMessage("*last-value*Train it again*");
    }

    [Fact]
    public void Load_DamagedState_ThrowsModelStateException()
    {
        var panel = IntervalTestPanels.Noisy(40, seed: 1, 5);
        var model = new ConformalModel(new LastValueModel());
        var saved = ModelSnapshot.Save(model, model.Fit(panel, panel.Length), panel, panel.Length, "{}", Created);

        var act = () => ModelSnapshot.Load(model, saved with { State = saved.State[..40] }, panel);

        act.Should().Throw<ModelStateException>();
    }

    [Fact]
    public void Issue_ConformalForecaster_GivesEveryStepBothIntervals()
    {
        var panel = IntervalTestPanels.Noisy(40, seed: 1, 5, 50);
        var forecaster = new ConformalModel(new LastValueModel()).Fit(panel, panel.Length);

        var forecasts = ForecastIssuer.Issue(forecaster, new ForecastOrigin(panel, panel.Length - 1), 6, "last-value");

        forecasts.Should().HaveCount(2);
        forecasts.SelectMany(f => f.Points).Should().HaveCount(12).And.OnlyContain(p => p.Intervals.Count == 2 && p.Intervals[0].Level == 0.8);
        forecasts[0].Points[0].Target.Should().Be(panel.LabelAt(panel.Length));
    }

    private static List<double> Forecasts(IForecaster forecaster, ForecastOrigin origin)
    {
        var point = new double[24];
        var bounds = new double[96];
        forecaster.Predict(origin, 1, point);
        ((IIntervalForecaster)forecaster).PredictIntervals(origin, 1, point, bounds);
        return [.. point, .. bounds];
    }

    /// <summary>A persistent model whose Fit must never run: loading a saved model may not fit.</summary>
    private sealed class FitForbidden(IPersistentForecastModel inner) : IPersistentForecastModel
    {
        public string Name => inner.Name;

        public string Version => inner.Version;

        public IForecaster Fit(SeriesPanel panel, int trainEnd, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Loading a saved model fitted it.");

        public byte[] SaveState(IForecaster forecaster) => inner.SaveState(forecaster);

        public IForecaster Load(ReadOnlySpan<byte> state, SeriesPanel panel) => inner.Load(state, panel);
    }
}

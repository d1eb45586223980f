using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Specification.Builders;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IForecastStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class ForecastStoreSpecification
{
    private const string Model = "seasonal-naive-week@1";
    private static readonly SensorId Sensor = new("bridge");
    private IForecastStore? _store;

    protected IForecastStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IForecastStore CreateStore();

    [StoreFact]
    public async Task LatestForecastAsync_SavedForecast_RoundTripsStepsAndIntervals()
    {
        var forecast = Issue(Sensor, Model, 10, [11, 12, 13]);
        await Store.SaveForecastsAsync([forecast]);

        var latest = await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(10));

        latest.Should().BeEquivalentTo(forecast, o => o.WithStrictOrdering());
    }

    [StoreFact]
    public async Task LatestForecastAsync_IntervalsSavedWidestFirst_ComeBackNarrowestFirst()
    {
        var point = new ForecastPoint(Rows.Hour(2), 50, [new PredictionInterval(0.95, 10, 90), new PredictionInterval(0.8, 30, 70)]);
        await Store.SaveForecastsAsync([new Forecast(Sensor, Model, Rows.Hour(1), [point])]);

        var latest = await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(1));

        latest!.Points.Single().Intervals.Select(i => i.Level).Should().Equal(0.8, 0.95);
    }

    [StoreFact]
    public async Task SaveForecastsAsync_SameSensorModelAndIssue_ReplacesTheEarlierForecast()
    {
        await Store.SaveForecastsAsync([Issue(Sensor, Model, 10, [11, 12, 13])]);
        var revised = Issue(Sensor, Model, 10, [12, 13, 14], bias: 7);

        await Store.SaveForecastsAsync([revised]);

        (await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(10))).Should().BeEquivalentTo(revised, o => o.WithStrictOrdering());
    }

    [StoreTheory]
    [InlineData(5, null)]
    [InlineData(10, 10)]
    [InlineData(15, 10)]
    [InlineData(20, 20)]
    [InlineData(1000, 30)]
    public async Task LatestForecastAsync_SeveralIssues_ReturnsTheLatestIssuedAtOrBefore(int asOf, int? expectedIssue)
    {
        await Store.SaveForecastsAsync([Issue(Sensor, Model, 20, [21]), Issue(Sensor, Model, 10, [11]), Issue(Sensor, Model, 30, [31])]);

        var latest = await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(asOf));

        (latest?.IssuedAt).Should().Be(expectedIssue is { } hour ? Rows.Hour(hour) : null);
    }

    [StoreFact]
    public async Task LatestForecastAsync_OtherModelsAndSensors_AreKeptApart()
    {
        var mine = Issue(Sensor, Model, 10, [11], bias: 1);
        await Store.SaveForecastsAsync([Issue(Sensor, "other-model", 12, [13], bias: 2), mine, Issue(new SensorId("elsewhere"), Model, 12, [13], bias: 3)]);

        (await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(100))).Should().BeEquivalentTo(mine);
        (await Store.LatestForecastAsync(new SensorId("unknown"), Model, Rows.Hour(100))).Should().BeNull();
        (await Store.LatestForecastAsync(Sensor, "unknown-model", Rows.Hour(100))).Should().BeNull();
    }

    [StoreFact]
    public async Task LatestForecastAsync_MissingMeanAndNoIntervals_RoundTripsAsMissing()
    {
        var forecast = new Forecast(Sensor, Model, Rows.Hour(0), [new ForecastPoint(Rows.Hour(1), Missing.Value, []), new ForecastPoint(Rows.Hour(2), 0, [])]);
        await Store.SaveForecastsAsync([forecast]);

        var latest = await Store.LatestForecastAsync(Sensor, Model, Rows.Hour(0));

        Missing.Is(latest!.Points[0].Mean).Should().BeTrue();
        latest.Points[1].Mean.Should().Be(0);
        latest.Points.Should().AllSatisfy(p => p.Intervals.Should().BeEmpty());
    }

    private static Forecast Issue(SensorId sensor, string model, int issuedHour, int[] targetHours, double bias = 0)
    {
        var points = targetHours.Select(h => new ForecastPoint(
            Rows.Hour(h),
            100 + h + bias,
            [new PredictionInterval(0.8, 80 + h + bias, 120 + h + bias), new PredictionInterval(0.95, 60 + h + bias, 140 + h + bias)]));
        return new Forecast(sensor, model, Rows.Hour(issuedHour), points.ToList());
    }
}

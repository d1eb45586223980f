using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

public class GbmBaseTest
{
    private static readonly int ProfileColumn = FeatureLayout.Names.ToList().IndexOf("estimate_profile");

    [Fact]
    public void Of_Level_IsZero()
    {
        var (builder, row) = Built(slots: 400);

        GbmBase.Of(GbmTarget.Level, builder, 0, 399, row, 10).Should().Be(0);
    }

    [Fact]
    public void Of_ChangeFromLast_IsTheLastReading()
    {
        var (builder, row) = Built(slots: 400);

        GbmBase.Of(GbmTarget.ChangeFromLast, builder, 0, 399, row, 10).Should().Be(Reading(399));
    }

    [Fact]
    public void Of_ProfileKnown_IsTheProfileEstimateInReadings()
    {
        var (builder, row) = Built(slots: 400);

        float.IsNaN(row[ProfileColumn]).Should().BeFalse();
        GbmBase.Of(GbmTarget.ChangeFromProfile, builder, 0, 399, row, 10).Should().BeApproximately(row[ProfileColumn] * 10.0, 1e-9);
    }

    [Fact]
    public void Of_ProfileUnknown_FallsBackToTheLastReading()
    {
        var (builder, row) = Built(slots: 100);

        float.IsNaN(row[ProfileColumn]).Should().BeTrue("less than a week of readings has no weekly profile");
        GbmBase.Of(GbmTarget.ChangeFromProfile, builder, 0, 99, row, 10).Should().Be(Reading(99));
    }

    private static double Reading(int slot) => 20 + (10 * Math.Sin(slot * 2 * Math.PI / 24));

    private static (FeatureBuilder Builder, float[] Row) Built(int slots)
    {
        var values = Enumerable.Range(0, slots).Select(Reading).ToArray();
        var panel = new SeriesPanel(TimeLabel.FromDate(new DateOnly(2025, 1, 6)), TimeSpan.FromHours(1), [new SensorId("a")], [values]);
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, slots), FeatureContext.None);
        var row = new float[FeatureLayout.Count];
        builder.Build(0, slots - 1, 1, row);
        return (builder, row);
    }
}

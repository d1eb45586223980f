using Surgewatch.Core.Forecasting.Features;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public partial class FeatureBuilderTest
{
    // 2025-03-10 14:00 is slot 434 × 24 + 14 from 2024-01-01; the same holiday in 2024 is day 69, slot 1,670.
    private const int HolidayTarget = (434 * 24) + 14;
    private const int YearAgoColumn = 34;

    [Fact]
    public void Build_TargetOnAHoliday_ReadsTheSameHolidayAYearBefore()
    {
        var panel = Hourly(Ramp(450 * 24));
        var context = new FeatureContext(Holidays: Region(Fixed("Test Day", 3, 10)));
        var origin = HolidayTarget - 5;
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), context);
        var row = new float[FeatureLayout.Count];

        builder.Build(0, origin, 5, row);

        row[YearAgoColumn].Should().BeApproximately((float)(1670 / (origin / 2.0)), 1e-5f);
    }

    [Fact]
    public void Build_TargetOnAnOrdinaryDay_LeavesTheYearAgoColumnMissing()
    {
        var panel = Hourly(Ramp(450 * 24));
        var context = new FeatureContext(Holidays: Region(Fixed("Test Day", 3, 10)));
        var origin = HolidayTarget - 30;
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), context);
        var row = new float[FeatureLayout.Count];

        builder.Build(0, origin, 5, row);

        float.IsNaN(row[YearAgoColumn]).Should().BeTrue();
    }
}

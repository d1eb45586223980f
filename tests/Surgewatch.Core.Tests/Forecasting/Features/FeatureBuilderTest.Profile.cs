using Surgewatch.Core.Forecasting.Features;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public partial class FeatureBuilderTest
{
    [Fact]
    public void Build_Ramp_WritesProfileRatiosAndEstimate()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None);

        // Scale 200, so the floor is 10. Slot 400 against the median of 232 and 64 (148); slot 399 against 231 and 63
        // (147); the target's 8-week median is 153 (0.765 scaled).
        var ratio = 410 / 158.0;
        row[35..38].Should().Equal(
            [(float)ratio, (float)(409 / 157.0), (float)(((0.765 + 0.05) * ratio) - 0.05)],
            (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Build_LessThanAWeekOfHistory_LeavesProfileColumnsMissing()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None, horizon: 1, origin: 100);

        row[35..38].ToArray().Should().OnlyContain(v => float.IsNaN(v));
    }

    [Fact]
    public void Build_Ramp_NamesTheProfileColumns()
    {
        FeatureLayout.Names.Should().HaveCount(FeatureLayout.Count);
        FeatureLayout.Names.Skip(35).Should().Equal("profile_ratio", "profile_ratio_1", "estimate_profile");
    }
}

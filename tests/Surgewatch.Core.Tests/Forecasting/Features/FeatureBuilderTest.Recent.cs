using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public partial class FeatureBuilderTest
{
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Build_RecentOnFiveMinuteRamp_WritesTheShortTermColumnsRelativeToTheLastReading()
    {
        // Scale 200 (mean of 0..400), last reading 400; an hour is 12 slots; target 405 was slot 117 a day earlier.
        var row = RecentRow(FeatureContext.None, Of(FiveMinutes, Ramp(600)));

        row[..10].Should().Equal(
            [-0.005f, -0.0125f, -0.0275f, -0.055f, 0f, (float)(Math.Sqrt(143 / 12.0) / 200), 0.005f, 0.03f, 0.06f, 0.025f],
            (a, b) => Math.Abs(a - b) < 1e-5f);
        row[10..15].ToArray().Should().OnlyContain(v => float.IsNaN(v), "there is no sensor graph");
    }

    [Fact]
    public void Build_RecentWithOutNeighbour_WritesItsLevelRelativeToTheSensor()
    {
        var constant = new double[600];
        Array.Fill(constant, 5.0);
        var context = new FeatureContext(Edges: [new SensorEdge(new SensorId("s0"), new SensorId("s1"), 2)]);

        var row = RecentRow(context, Of(FiveMinutes, Ramp(600), constant));

        row[10..15].Should().Equal([-1f, 0f, float.NaN, float.NaN, -1f], (a, b) => a.Equals(b));
    }

    [Theory]
    [InlineData(7, -48.8f)] // a Monday: the working days Fri … Mon before it, not Sat/Sun
    [InlineData(6, -8.8f)] // a Sunday: only the Saturday before it
    [InlineData(3, -18.8f)] // a Thursday: Wed, Tue, Mon
    public void Build_RecentSameKindDays_AveragesTheEarlierDaysOfTheTargetsKind(int day, float levelVsLast)
    {
        // Day d's reading at slot-of-day k is 10·d + 0.1·k (scale 1), so every earlier day changes by 0.1 × 12 = 1.2
        // from the origin's slot (100) to the target's (112), and its target slot reads 10·(day − back) + 11.2 against
        // the last reading 10·day + 10.
        var values = new double[8 * 288];
        for (var t = 0; t < values.Length; t++)
        {
            values[t] = (10 * (t / 288)) + (0.1 * (t % 288));
        }

        var builder = new FeatureBuilder(Of(FiveMinutes, values), [1.0], FeatureContext.None, recent: true);
        var row = new float[builder.Columns];

        builder.Build(0, (day * 288) + 100, 12, row);

        row[(FeatureLayout.Count + 15)..].Should().Equal([1.2f, levelVsLast], (a, b) => Math.Abs(a - b) < 1e-4f);
        FeatureLayout.RecentNames.Skip(15).Should().Equal("same_kind_change_to_target", "same_kind_target_vs_last");
    }

    [Fact]
    public void Build_RecentNoEarlierDayOfTheTargetsKind_LeavesTheSameKindColumnsMissing()
    {
        // From Monday 2024-01-01: the first Saturday (day 5) has no earlier weekend day.
        var builder = new FeatureBuilder(Of(FiveMinutes, Ramp(7 * 288)), [1.0], FeatureContext.None, recent: true);
        var row = new float[builder.Columns];

        builder.Build(0, (5 * 288) + 100, 12, row);

        row[(FeatureLayout.Count + 15)..].ToArray().Should().OnlyContain(v => float.IsNaN(v));
    }

    [Fact]
    public void Build_RecentFutureReadingsChanged_GivesTheSameRow()
    {
        var past = Noisy(3 * 288, seed: 5);
        var altered = (double[])past.Clone();
        for (var i = 501; i < altered.Length; i++)
        {
            altered[i] = double.IsNaN(altered[i]) ? 12345 : NaN;
        }

        var edges = new SensorEdge[] { new(new SensorId("s0"), new SensorId("s1"), 1), new(new SensorId("s1"), new SensorId("s0"), 1) };
        foreach (var horizon in new[] { 1, 6, 12, 200 })
        {
            var expected = RecentRow(new FeatureContext(Edges: edges), Of(FiveMinutes, past, past), horizon, 500);
            var actual = RecentRow(new FeatureContext(Edges: edges), Of(FiveMinutes, altered, altered), horizon, 500);
            actual.Should().Equal(expected, (a, b) => a.Equals(b), $"horizon {horizon}");
        }
    }

    [Fact]
    public void LastReading_GapAtTheOrigin_GivesTheLastPresentReading()
    {
        var values = Ramp(600);
        values[400] = NaN;
        values[399] = NaN;
        var builder = new FeatureBuilder(Of(FiveMinutes, values), [1.0], FeatureContext.None, recent: true);

        builder.LastReading(0, 400).Should().Be(398);
        builder.Columns.Should().Be(FeatureLayout.Count + FeatureLayout.RecentCount);
        FeatureLayout.RecentNames.Should().HaveCount(FeatureLayout.RecentCount);
    }

    [Theory]
    [InlineData(130, 5, 1f)]
    [InlineData(Origin, Horizon, 0f)]
    public void Build_WeekendOnly_WritesWhetherTheTargetIsOnAWeekend(int origin, int horizon, float expected)
    {
        // Slot 135 is Saturday 15:00; slot 405 is Wednesday 21:00.
        var panel = Hourly(Ramp(504));
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), FeatureContext.None, weekendOnly: true);
        var row = new float[builder.Columns];

        builder.Build(0, origin, horizon, row);

        row[15].Should().Be(expected);
    }

    /// <summary>The short-term columns of series 0's row.</summary>
    private static float[] RecentRow(FeatureContext context, SeriesPanel panel, int horizon = Horizon, int origin = Origin)
    {
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), context, recent: true);
        var row = new float[builder.Columns];
        builder.Build(0, origin, horizon, row);
        return row[FeatureLayout.Count..];
    }
}

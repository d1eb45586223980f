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
        row[10..].ToArray().Should().OnlyContain(v => float.IsNaN(v), "there is no sensor graph");
    }

    [Fact]
    public void Build_RecentWithOutNeighbour_WritesItsLevelRelativeToTheSensor()
    {
        var constant = new double[600];
        Array.Fill(constant, 5.0);
        var context = new FeatureContext(Edges: [new SensorEdge(new SensorId("s0"), new SensorId("s1"), 2)]);

        var row = RecentRow(context, Of(FiveMinutes, Ramp(600), constant));

        row[10..].Should().Equal([-1f, 0f, float.NaN, float.NaN, -1f], (a, b) => a.Equals(b));
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

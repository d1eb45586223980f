using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public partial class FeatureBuilderTest
{
    // A ramp (slot i holds i) trained on slots 0..400 has scale 200; origin 400, horizon 5 targets slot 405,
    // 2024-01-17 (a Wednesday) 21:00.
    private const int Origin = 400;
    private const int Horizon = 5;

    [Fact]
    public void Build_Ramp_WritesTheExactOriginColumns()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None);

        row[..10].Should().Equal(
            [2.0f, 1.995f, 1.99f, 1.985f, 1.9425f, (float)(Math.Sqrt(575 / 12.0) / 200), 1.5825f, 1.88f, 1.16f, (float)Math.Log(201)],
            (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Build_Ramp_WritesTheExactTargetColumns()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None);

        row[13..16].Should().Equal(5f, 21f, 3f);
        row[33].Should().BeApproximately(0.765f, 1e-5f, "the 8-week median has only slots 237 and 69");
        row[20..27].Should().Equal(
            [1.905f, 1.185f, 0.345f, float.NaN, float.NaN, 0.765f, 0.765f],
            (a, b) => (float.IsNaN(a) && float.IsNaN(b)) || Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Build_Ramp_WritesLevelRatiosAndEstimates()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None);

        // Last three readings 398..400 (sum 1197) against 374..376 (1125) a day and 230..232 (693) a week before.
        var day = 1197 / 1125.0;
        var week = 1197 / 693.0;
        row[28..33].Should().Equal(
            [(float)day, (float)week, (float)(1.905f * day), (float)(1.185f * week), (float)(0.765f * week)],
            (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void Build_NoContext_LeavesHolidayEventAndNeighbourColumnsMissing()
    {
        var row = Row(Hourly(Ramp(504)), FeatureContext.None);

        row[10..13].ToArray().Should().OnlyContain(v => float.IsNaN(v));
        row[16..20].ToArray().Should().OnlyContain(v => float.IsNaN(v));
        float.IsNaN(row[27]).Should().BeTrue();
    }

    [Fact]
    public void Build_Neighbour_WritesItsScaledLevelAndChanges()
    {
        var constant = new double[504];
        Array.Fill(constant, 5.0);
        var context = new FeatureContext(Edges: [new SensorEdge(new SensorId("s0"), new SensorId("s1"), 2)]);

        var row = Row(Hourly(Ramp(504), constant), context);

        row[10..13].Should().Equal(1f, 0f, 0f);
    }

    [Fact]
    public void Build_EventCoveringTheTarget_SetsTheEventColumn()
    {
        var target = Monday + TimeSpan.FromHours(Origin + Horizon);
        var events = new EventCalendar([new CalendarEvent("parade", target, target + TimeSpan.FromHours(2), [], [])]);

        Row(Hourly(Ramp(504)), new FeatureContext(Events: events))[19].Should().Be(1f);
        Row(Hourly(Ramp(504)), new FeatureContext(Events: events), horizon: 3)[19].Should().Be(0f);
    }

    [Fact]
    public void Build_SeriesWithoutTrainingReadings_ScalesByItsRecentMean()
    {
        var late = new double[504];
        Array.Fill(late, NaN);
        Array.Fill(late, 8.0, 390, 11);
        var builder = new FeatureBuilder(Hourly(late), [NaN], FeatureContext.None);

        builder.ScaleAt(0, Origin).Should().Be(8.0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(400)]
    [InlineData(700)]
    public void Build_FutureReadingsChanged_GivesTheSameRow(int origin)
    {
        var past = Noisy(6 * 168, seed: 3);
        var altered = (double[])past.Clone();
        for (var i = origin + 1; i < altered.Length; i++)
        {
            altered[i] = double.IsNaN(altered[i]) ? 12345 : NaN;
        }

        var edges = new SensorEdge[] { new(new SensorId("s0"), new SensorId("s1"), 1) };
        foreach (var horizon in new[] { 1, 7, 24, 100 })
        {
            var expected = Row(Hourly(past, past), new FeatureContext(Edges: edges), horizon, origin);
            var actual = Row(Hourly(altered, altered), new FeatureContext(Edges: edges), horizon, origin);
            actual.Should().Equal(expected, (a, b) => a.Equals(b), $"origin {origin}, horizon {horizon}");
        }
    }

    private static float[] Row(SeriesPanel panel, FeatureContext context, int horizon = Horizon, int origin = Origin)
    {
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), context);
        var row = new float[FeatureLayout.Count];
        builder.Build(0, origin, horizon, row);
        return row;
    }
}

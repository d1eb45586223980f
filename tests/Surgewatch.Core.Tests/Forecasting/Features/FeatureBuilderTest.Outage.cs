using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using static Surgewatch.Core.Tests.Forecasting.ForecastTestPanels;

namespace Surgewatch.Core.Tests.Forecasting.Features;

public partial class FeatureBuilderTest
{
    private const int OutageRun = 6;

    [Fact]
    public void Build_OutageAWeekBeforeTheTarget_ReadsItAsMissing()
    {
        // Slots 230..245 (around the target 405's lag a week before, 237) are an outage of 16 zeros.
        var values = Ramp(504);
        Array.Fill(values, 0.0, 230, 16);

        var plain = Row(Hourly(values), FeatureContext.None);
        var cleaned = OutageRow(Hourly(values));

        plain[21].Should().Be(0f, "without outage handling the lag reads the zero");
        float.IsNaN(cleaned[21]).Should().BeTrue();
        var scale = (80_200 - 3_800) / 401.0; // the ramp 0..400 less the zeroed slots 230..245
        cleaned[25].Should().BeApproximately((float)(69 / scale), 1e-5f, "the weeks' median then has slot 69 only");
    }

    [Fact]
    public void Build_OutageStillUnderWayAtTheOrigin_KeepsItsZeros()
    {
        // Zeros from slot 300 through the origin 400: the day lag of target 405 (slot 381) is inside the outage.
        var values = Ramp(504);
        Array.Fill(values, 0.0, 300, 150);

        OutageRow(Hourly(values))[20].Should().Be(0f, "the sensor is still down, which the zeros say");
    }

    [Fact]
    public void Build_OnAPanelThatFillsAfterTheBuilderIsMade_GivesTheRowsOfTheFullPanel()
    {
        // A live panel: the builder is made while the panel is empty (as a saved model is loaded onto a server's panel),
        // then the readings arrive slot by slot. An outage ends in the middle; every row must be the full panel's.
        var values = Ramp(504);
        Array.Fill(values, 0.0, 230, 16);
        var full = new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None, outageRun: OutageRun);
        var arrays = new[] { Enumerable.Repeat(double.NaN, values.Length).ToArray() };
        var live = new FeatureBuilder(new SeriesPanel(Hourly(values).Start, TimeSpan.FromHours(1), [new SensorId("s")], arrays), [1.0], FeatureContext.None, outageRun: OutageRun);
        var expected = new float[full.Columns];
        var actual = new float[live.Columns];

        for (var origin = 220; origin < 460; origin++)
        {
            arrays[0][origin] = values[origin];
            if (origin == 220)
            {
                Array.Copy(values, arrays[0], 221);
            }

            full.Build(0, origin, 5, expected);
            live.Build(0, origin, 5, actual);

            actual.Should().Equal(expected, $"the row at origin {origin} sees the same readings");
        }
    }

    [Fact]
    public void Build_ShortZeroRun_IsKept()
    {
        var values = Ramp(504);
        Array.Fill(values, 0.0, 235, 5);

        OutageRow(Hourly(values))[21].Should().Be(0f);
    }

    [Fact]
    public void OutageUnderWay_SixZerosUpToTheOrigin_IsTrueOnlyThen()
    {
        var values = Ramp(504);
        Array.Fill(values, 0.0, 300, 10);
        var builder = new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None, outageRun: OutageRun);

        builder.OutageUnderWay(0, 304).Should().BeFalse("only five zeros are known at slot 304");
        builder.OutageUnderWay(0, 305).Should().BeTrue();
        builder.OutageUnderWay(0, 309).Should().BeTrue();
        builder.OutageUnderWay(0, 310).Should().BeFalse();
        new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None).OutageUnderWay(0, 305).Should().BeFalse();
    }

    [Fact]
    public void ReadZeroForADay_ZerosForTwentyFourHoursUpToTheOrigin_IsTrueOnlyThen()
    {
        var values = Ramp(504);
        Array.Fill(values, 0.0, 300, 30);
        var builder = new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None, outageRun: OutageRun);

        builder.ReadZeroForADay(0, 322).Should().BeFalse("23 zero hours are known at slot 322");
        builder.ReadZeroForADay(0, 323).Should().BeTrue();
        builder.ReadZeroForADay(0, 329).Should().BeTrue();
        builder.ReadZeroForADay(0, 330).Should().BeFalse("the sensor reads again");
        new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None).ReadZeroForADay(0, 329).Should().BeFalse("without outage handling");
    }

    [Fact]
    public void ReadZeroForADay_MissingReadingInTheDay_IsFalse()
    {
        var values = Ramp(504);
        Array.Fill(values, 0.0, 300, 30);
        values[310] = NaN;

        new FeatureBuilder(Hourly(values), [1.0], FeatureContext.None, outageRun: OutageRun).ReadZeroForADay(0, 329).Should().BeFalse();
    }

    [Fact]
    public void ScaleOf_WithOutageRun_LeavesOutagesOut()
    {
        double[] values = [4, 0, 0, 0, 0, 0, 0, 8];
        var panel = Hourly(values);

        SeriesScale.Of(panel, values.Length)[0].Should().Be(1.5);
        SeriesScale.Of(panel, values.Length, OutageRun)[0].Should().Be(6);
    }

    [Theory]
    [InlineData(250)]
    [InlineData(404)]
    [InlineData(410)]
    [InlineData(700)]
    public void Build_OutagesAndFutureReadingsChanged_GivesTheSameRow(int origin)
    {
        var past = Noisy(6 * 168, seed: 5);
        foreach (var start in new[] { 100, 236, 398, 402, 690, 695 })
        {
            Array.Fill(past, 0.0, start, 9);
        }

        var altered = (double[])past.Clone();
        for (var i = origin + 1; i < altered.Length; i++)
        {
            altered[i] = double.IsNaN(altered[i]) ? 12345 : (altered[i] == 0 ? 7 : NaN);
        }

        foreach (var horizon in new[] { 1, 7, 24, 100, 168 })
        {
            var expected = OutageRow(Hourly(past), horizon, origin);
            var actual = OutageRow(Hourly(altered), horizon, origin);
            actual.Should().Equal(expected, (a, b) => a.Equals(b), $"origin {origin}, horizon {horizon}");
        }
    }

    private static float[] OutageRow(SeriesPanel panel, int horizon = Horizon, int origin = Origin)
    {
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, origin + 1), FeatureContext.None, outageRun: OutageRun);
        var row = new float[FeatureLayout.Count];
        builder.Build(0, origin, horizon, row);
        return row;
    }
}

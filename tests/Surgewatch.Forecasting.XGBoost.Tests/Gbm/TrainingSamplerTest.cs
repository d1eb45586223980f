using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Series;
using Surgewatch.Forecasting.XGBoost.Gbm;

namespace Surgewatch.Forecasting.XGBoost.Tests.Gbm;

public class TrainingSamplerTest
{
    [Fact]
    public void Sample_WithOutageRun_TakesOutageLabelsOnlyFromOriginsInsideTheOutage()
    {
        // Four weeks of counts between 10 and 19, with a two-day outage of zeros in the middle.
        var values = new double[4 * 168];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = 10 + (i % 10);
        }

        Array.Fill(values, 0.0, 300, 48);
        var panel = new SeriesPanel(TimeLabel.FromDate(new DateOnly(2024, 1, 1)), TimeSpan.FromHours(1), [new SensorId("s0")], [values]);
        var options = new GbmOptions { MaxTrainingRows = 2_000, OutageRun = 6 };
        var builder = new FeatureBuilder(panel, SeriesScale.Of(panel, panel.Length, 6), FeatureContext.None, outageRun: 6);

        var rows = TrainingSampler.Sample(panel, panel.Length, builder, options, CancellationToken.None);
        var plain = TrainingSampler.Sample(panel, panel.Length, new FeatureBuilder(panel, SeriesScale.Of(panel, panel.Length), FeatureContext.None), options with { OutageRun = 0 }, CancellationToken.None);

        rows.Count.Should().BeGreaterThan(1_000);
        ZeroLabelsWithNonzeroLast(rows).Should().Be(0, "an outage that starts after the origin is no label");
        rows.Labels.ToArray().Should().Contain(0f, "an outage under way at the origin is a label");
        ZeroLabelsWithNonzeroLast(plain).Should().BePositive("without outage handling every zero is a label");
    }

    [Fact]
    public void Sample_FirstHourOfHourlyData_TakesOneRowPerOrigin()
    {
        var panel = Ramp(4 * 168);
        var options = new GbmOptions { MaxTrainingRows = 500, ShortHorizonShare = 1 };

        var rows = TrainingSampler.Sample(panel, panel.Length, Builder(panel), options, CancellationToken.None);

        rows.Count.Should().Be(500);
        for (var i = 0; i < rows.Count; i++)
        {
            rows.Features[(i * rows.Columns) + HorizonColumn].Should().Be(1f);
            if (i > 0)
            {
                rows.Features[i * rows.Columns].Should().NotBe(rows.Features[(i - 1) * rows.Columns], "one origin's only horizon is drawn once, not four times over");
            }
        }
    }

    [Fact]
    public void Sample_FromASecondHorizon_DrawsNoHorizonBeforeIt()
    {
        var panel = Ramp(4 * 168);
        var options = new GbmOptions { MaxTrainingRows = 2_000 };

        var rows = TrainingSampler.Sample(panel, panel.Length, Builder(panel), options, CancellationToken.None, firstHorizon: 2);

        rows.Count.Should().Be(2_000);
        var horizons = Enumerable.Range(0, rows.Count).Select(i => rows.Features[(i * rows.Columns) + HorizonColumn]).ToList();
        horizons.Should().OnlyContain(h => h >= 2 && h <= 24);
        horizons.Should().Contain(2f).And.Contain(24f);
    }

    [Fact]
    public void Sample_ShortHistory_TakesNoMoreRowsThanItHasOriginsAndHorizons()
    {
        var panel = Ramp(100);
        var options = new GbmOptions { MaxTrainingRows = 10_000, ShortHorizonShare = 1 };

        var rows = TrainingSampler.Sample(panel, panel.Length, Builder(panel), options, CancellationToken.None);

        rows.Count.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(99);
    }

    private static readonly int HorizonColumn = FeatureLayout.Names.ToList().IndexOf("horizon_hours");

    private static SeriesPanel Ramp(int slots)
    {
        var values = Enumerable.Range(0, slots).Select(i => 10.0 + i).ToArray();
        return new SeriesPanel(TimeLabel.FromDate(new DateOnly(2024, 1, 1)), TimeSpan.FromHours(1), [new SensorId("s0")], [values]);
    }

    private static FeatureBuilder Builder(SeriesPanel panel) => new(panel, SeriesScale.Of(panel, panel.Length), FeatureContext.None);

    private static int ZeroLabelsWithNonzeroLast(TrainingRows rows)
    {
        var count = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows.Labels[i] == 0 && rows.Features[i * rows.Columns] != 0)
            {
                count++;
            }
        }

        return count;
    }
}

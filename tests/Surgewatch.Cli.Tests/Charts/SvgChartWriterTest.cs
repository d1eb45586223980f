using System.Xml.Linq;
using Surgewatch.Cli.Charts;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Cli.Tests.Charts;

public sealed class SvgChartWriterTest
{
    private static readonly TimeLabel[] TwoDays = Enumerable.Range(0, 48).Select(i => TimeLabel.FromDate(new DateOnly(2024, 5, 6)) + TimeSpan.FromHours(i)).ToArray();

    [Fact]
    public void Render_LineWithGap_DrawsTwoSegmentsAndIsWellFormedXml()
    {
        var values = Enumerable.Range(0, 48).Select(i => i is >= 10 and < 14 ? double.NaN : i).ToArray();
        var chart = new LineChart("t <&> title", "count", TwoDays, [new ChartLine("actual", values, "#000")], []);

        var svg = SvgChartWriter.Render(chart);

        var doc = XDocument.Parse(svg);
        var path = doc.Descendants().Single(e => e.Name.LocalName == "path").Attribute("d")!.Value;
        path.Count(c => c == 'M').Should().Be(2, "a missing run breaks the line instead of drawing it as zero");
        svg.Should().Contain("t &lt;&amp;&gt; title");
    }

    [Fact]
    public void Render_DayBoundaries_LabelEachMidnight()
    {
        var chart = new LineChart("t", "count", TwoDays, [new ChartLine("a", new double[48], "#000")], []);

        var svg = SvgChartWriter.Render(chart);

        svg.Should().Contain("Mon 06 May").And.Contain("Tue 07 May");
    }

    [Fact]
    public void Render_Band_DrawsPolygonUnderTheLines()
    {
        var lower = Enumerable.Repeat(1.0, 48).ToArray();
        var upper = Enumerable.Repeat(3.0, 48).ToArray();
        var chart = new LineChart("t", "count", TwoDays, [new ChartLine("a", Enumerable.Repeat(2.0, 48).ToArray(), "#000")], [new ChartBand("80%", lower, upper, "#f00")]);

        var svg = SvgChartWriter.Render(chart);

        svg.IndexOf("<polygon", StringComparison.Ordinal).Should().BeLessThan(svg.IndexOf("<path", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(7.0, 10.0)]
    [InlineData(123.0, 200.0)]
    [InlineData(6104.0, 10000.0)]
    [InlineData(2400.0, 2500.0)]
    public void NiceCeiling_Value_RoundsUpToReadableTick(double value, double expected) =>
        SvgChartWriter.NiceCeiling(value).Should().Be(expected);
}

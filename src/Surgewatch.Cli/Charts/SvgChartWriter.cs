using System.Globalization;
using System.Security;
using System.Text;

namespace Surgewatch.Cli.Charts;

/// <summary>Renders a <see cref="LineChart"/> as a self-contained SVG document (no scripts, no external fonts).</summary>
internal static class SvgChartWriter
{
    private const int Width = 1000;
    private const int Height = 400;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 40;
    private const int Bottom = 60;

    public static string Render(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Slots.Length < 2)
        {
            throw new ArgumentException("A chart needs at least two slots.", nameof(chart));
        }

        var yMax = NiceCeiling(MaxValue(chart));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{Escape(chart.Title)}</text>\n");
        AppendYAxis(svg, chart.YAxisTitle, yMax);
        AppendXAxis(svg, chart);
        foreach (var band in chart.Bands)
        {
            AppendBand(svg, band, chart.Slots.Length, yMax);
        }

        foreach (var line in chart.Lines)
        {
            AppendLine(svg, line, chart.Slots.Length, yMax);
        }

        AppendLegend(svg, chart);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static double MaxValue(LineChart chart)
    {
        var max = 0.0;
        foreach (var line in chart.Lines)
        {
            max = MaxOf(line.Values, max);
        }

        foreach (var band in chart.Bands)
        {
            max = MaxOf(band.Upper, max);
        }

        return max;
    }

    private static double MaxOf(double[] values, double max)
    {
        foreach (var v in values)
        {
            if (double.IsFinite(v) && v > max)
            {
                max = v;
            }
        }

        return max;
    }

    /// <summary>The smallest 1, 2 or 5 × 10^k at or above <paramref name="value"/>, so axis ticks read well.</summary>
    internal static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (factor * magnitude >= value)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static double X(int slot, int slots) => Left + ((Width - Left - Right) * slot / (double)(slots - 1));

    private static double Y(double value, double yMax) => Height - Bottom - ((Height - Top - Bottom) * value / yMax);

    private static void AppendYAxis(StringBuilder svg, string title, double yMax)
    {
        for (var i = 0; i <= 5; i++)
        {
            var value = yMax * i / 5;
            var y = Y(value, yMax);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#e0e0e0\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{value:#,0.##}</text>\n");
        }

        var mid = (Top + Height - Bottom) / 2;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{mid}\" transform=\"rotate(-90 16 {mid})\" text-anchor=\"middle\">{Escape(title)}</text>\n");
    }

    private static void AppendXAxis(StringBuilder svg, LineChart chart)
    {
        var slots = chart.Slots.Length;
        var baseline = Height - Bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - Right}\" y2=\"{baseline}\" stroke=\"#333\"/>\n");
        for (var i = 0; i < slots; i++)
        {
            if (chart.Slots[i].SecondOfDay != 0)
            {
                continue;
            }

            var x = X(i, slots);
            var label = chart.Slots[i].ToDateTime().ToString("ddd dd MMM", CultureInfo.InvariantCulture);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Top}\" x2=\"{x:0.#}\" y2=\"{baseline + 5}\" stroke=\"#bbb\" stroke-dasharray=\"2,3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 4:0.#}\" y=\"{baseline + 18}\">{Escape(label)}</text>\n");
        }
    }

    private static void AppendLine(StringBuilder svg, ChartLine line, int slots, double yMax)
    {
        var path = new StringBuilder();
        var penDown = false;
        for (var i = 0; i < line.Values.Length && i < slots; i++)
        {
            var v = line.Values[i];
            if (!double.IsFinite(v))
            {
                penDown = false;
                continue;
            }

            path.Append(CultureInfo.InvariantCulture, $"{(penDown ? 'L' : 'M')}{X(i, slots):0.#},{Y(v, yMax):0.#} ");
            penDown = true;
        }

        var dash = line.Dashed ? " stroke-dasharray=\"6,4\"" : string.Empty;
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().TrimEnd()}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.6\"{dash}><title>{Escape(line.Name)}</title></path>\n");
    }

    private static void AppendBand(StringBuilder svg, ChartBand band, int slots, double yMax)
    {
        // One polygon per run of slots where both edges are known.
        var start = -1;
        for (var i = 0; i <= slots; i++)
        {
            var known = i < slots && i < band.Lower.Length && double.IsFinite(band.Lower[i]) && double.IsFinite(band.Upper[i]);
            if (known && start < 0)
            {
                start = i;
            }
            else if (!known && start >= 0)
            {
                AppendBandRun(svg, band, start, i, slots, yMax);
                start = -1;
            }
        }
    }

    private static void AppendBandRun(StringBuilder svg, ChartBand band, int from, int to, int slots, double yMax)
    {
        var points = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{X(i, slots):0.#},{Y(band.Upper[i], yMax):0.#} ");
        }

        for (var i = to - 1; i >= from; i--)
        {
            points.Append(CultureInfo.InvariantCulture, $"{X(i, slots):0.#},{Y(band.Lower[i], yMax):0.#} ");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{points.ToString().TrimEnd()}\" fill=\"{band.Colour}\" fill-opacity=\"0.25\" stroke=\"none\"><title>{Escape(band.Name)}</title></polygon>\n");
    }

    private static void AppendLegend(StringBuilder svg, LineChart chart)
    {
        var x = Left;
        var y = Height - 18;
        foreach (var line in chart.Lines)
        {
            var dash = line.Dashed ? " stroke-dasharray=\"6,4\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y - 4}\" x2=\"{x + 24}\" y2=\"{y - 4}\" stroke=\"{line.Colour}\" stroke-width=\"2\"{dash}/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 30}\" y=\"{y}\">{Escape(line.Name)}</text>\n");
            x += 40 + (7 * line.Name.Length);
        }

        foreach (var band in chart.Bands)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{y - 10}\" width=\"24\" height=\"10\" fill=\"{band.Colour}\" fill-opacity=\"0.25\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 30}\" y=\"{y}\">{Escape(band.Name)}</text>\n");
            x += 40 + (7 * band.Name.Length);
        }
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}

using Surgewatch.Core.Calendar;

namespace Surgewatch.Cli.Charts;

/// <summary>One line of a chart: a value per slot, with <see cref="double.NaN"/> where there is none (drawn as a gap).</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Values">One value per slot of the chart.</param>
/// <param name="Colour">An SVG colour.</param>
/// <param name="Dashed">Whether to draw it dashed.</param>
internal sealed record ChartLine(string Name, double[] Values, string Colour, bool Dashed = false);

/// <summary>A shaded band between two lines, such as a prediction interval.</summary>
/// <param name="Name">The legend text.</param>
/// <param name="Lower">The lower edge per slot.</param>
/// <param name="Upper">The upper edge per slot.</param>
/// <param name="Colour">An SVG colour, drawn translucent.</param>
internal sealed record ChartBand(string Name, double[] Lower, double[] Upper, string Colour);

/// <summary>What to draw: a title, the label of each slot, lines and bands.</summary>
internal sealed record LineChart(string Title, string YAxisTitle, TimeLabel[] Slots, IReadOnlyList<ChartLine> Lines, IReadOnlyList<ChartBand> Bands);

using System.Globalization;

namespace Surgewatch.Core.Edge;

/// <summary>
/// The expected height of a standing person across the frame, from two calibration rows: a person whose feet are at
/// row <c>y1</c> is <c>h1</c> pixels tall, at row <c>y2</c> <c>h2</c>; in between and beyond, linear in the row.
/// </summary>
public sealed record PerspectiveModel(double Row1, double Height1, double Row2, double Height2)
{
    /// <summary>The expected person height, in pixels, for feet at row <paramref name="footRow"/> (never below 8 pixels).</summary>
    public double ExpectedHeight(double footRow) =>
        Math.Max(8, Height1 + ((Height2 - Height1) * (footRow - Row1) / (Row2 - Row1)));

    /// <summary>Parses <c>"y1:h1,y2:h2"</c> (<c>--perspective</c>).</summary>
    /// <exception cref="EdgeGeometryException">Malformed, equal rows or a height not positive.</exception>
    public static PerspectiveModel Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryRow(parts[0], out var r1, out var h1) && TryRow(parts[1], out var r2, out var h2) && r1 != r2)
        {
            return new PerspectiveModel(r1, h1, r2, h2);
        }

        throw new EdgeGeometryException($"--perspective '{text}': write two different image rows with a person's height in pixels there, \"y1:h1,y2:h2\", e.g. \"120:45,340:110\".");
    }

    private static bool TryRow(string text, out double row, out double height)
    {
        var rh = text.Split(':');
        row = 0;
        height = 0;
        return rh.Length == 2
            && double.TryParse(rh[0], NumberStyles.Float, CultureInfo.InvariantCulture, out row)
            && double.TryParse(rh[1], NumberStyles.Float, CultureInfo.InvariantCulture, out height)
            && double.IsFinite(row) && height > 0 && double.IsFinite(height);
    }
}

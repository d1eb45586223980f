using Surgewatch.Core.Series;

namespace Surgewatch.Testing.SyntheticCity;

/// <summary>What a feature of the synthetic city's base map is.</summary>
public enum SyntheticMapKind
{
    /// <summary>Water: the river and the harbour basin (an area).</summary>
    Water,

    /// <summary>A park or garden (an area).</summary>
    Park,

    /// <summary>A paved public square under a zone (an area).</summary>
    Square,

    /// <summary>A street (lines).</summary>
    Street,

    /// <summary>A railway line (lines).</summary>
    Railway,
}

/// <summary>One feature of the base map: its kind, a made-up name, and its rings (areas) or lines (streets).</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Name">Its made-up name.</param>
/// <param name="Parts">The rings of an area (closed) or the lines of a street.</param>
public sealed record SyntheticMapFeature(SyntheticMapKind Kind, string Name, IReadOnlyList<IReadOnlyList<GeoPoint>> Parts);

/// <summary>
/// The synthetic city's streets, river, parks and squares, laid out around <see cref="SyntheticZones"/> so that its
/// zones sit in a place: the riverside promenade and the gardens gate face the river, the footbridge crosses it, the
/// harbour walk runs along the basin, the stations sit on the railway and every other zone is a square on a street.
/// Like the zones, it is made up and fixed: the same map every time.
/// </summary>
public static class SyntheticCityMap
{
    // The river's centre line from east to west (metres north, east of the centre) and its half width.
    private static readonly (double North, double East)[] RiverLine =
        [(-470, 1000), (-430, 600), (-395, 250), (-385, -80), (-330, -380), (-250, -560), (-230, -1000)];

    private const double RiverHalfWidth = 28;

    /// <summary>Every feature, areas first (water, parks, squares) so that lines draw over them.</summary>
    public static IReadOnlyList<SyntheticMapFeature> Features()
    {
        var features = new List<SyntheticMapFeature>
        {
            Area(SyntheticMapKind.Water, "Yarrow River", Band(RiverLine, RiverHalfWidth)),
            Area(SyntheticMapKind.Water, "Harbour Basin", Rectangle(-300, -900, -60, -680)),
            Area(SyntheticMapKind.Park, "Botanic Gardens", Rectangle(-900, 150, -560, 700)),
            Area(SyntheticMapKind.Park, "Library Gardens", Rectangle(330, 170, 450, 280)),
            Area(SyntheticMapKind.Park, "Riverside Reserve", Rectangle(-360, 300, -300, 560)),
        };
        foreach (var spec in SyntheticZones.Specs)
        {
            var half = (spec.Side / 2) + 15;
            features.Add(Area(SyntheticMapKind.Square, spec.Name, Rectangle(spec.North - half, spec.East - half, spec.North + half, spec.East + half)));
        }

        features.AddRange(Streets());
        features.Add(Line(SyntheticMapKind.Railway, "City Line", [(-700, -1000), (-40, -470), (-150, 10), (-180, 40), (-220, 1000)]));
        return features;
    }

    private static IEnumerable<SyntheticMapFeature> Streets()
    {
        // A grid north of the river, cut at the river bank, and two roads on the south bank.
        (string Name, double North)[] avenues = [("Bank Street", -300), ("Station Street", -180), ("Collins Avenue", 0), ("Market Street", 200), ("Library Avenue", 330), ("Hill Street", 520)];
        (string Name, double East)[] cross = [("Harbour Road", -560), ("Quay Street", -380), ("Mall Street", -120), ("Swan Street", 140), ("Arena Road", 400), ("Park Street", 660)];
        foreach (var (name, north) in avenues)
        {
            yield return Line(SyntheticMapKind.Street, name, [(north, -900), (north, 900)]);
        }

        foreach (var (name, east) in cross)
        {
            yield return Line(SyntheticMapKind.Street, name, [(RiverNorthAt(east) + RiverHalfWidth + 10, east), (650, east)]);
        }

        yield return Line(SyntheticMapKind.Street, "Southbank Road", [(-520, -200), (-500, 300), (-540, 1000)]);
        yield return Line(SyntheticMapKind.Street, "Footbridge", [(-300, -80), (-520, -80)]);
        yield return Line(SyntheticMapKind.Street, "Gardens Road", [(-520, 360), (-900, 360)]);
    }

    /// <summary>Where the river's centre line is at <paramref name="east"/> (linear between its vertices).</summary>
    private static double RiverNorthAt(double east)
    {
        for (var i = 1; i < RiverLine.Length; i++)
        {
            var (n0, e0) = RiverLine[i - 1];
            var (n1, e1) = RiverLine[i];
            if (east <= e0 && east >= e1)
            {
                return n0 + ((n1 - n0) * (east - e0) / (e1 - e0));
            }
        }

        return RiverLine[^1].North;
    }

    /// <summary>A closed ring around a centre line, <paramref name="halfWidth"/> metres to each side.</summary>
    private static (double North, double East)[] Band((double North, double East)[] line, double halfWidth)
    {
        var left = new List<(double, double)>(line.Length);
        var right = new List<(double, double)>(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            var (n0, e0) = line[Math.Max(0, i - 1)];
            var (n1, e1) = line[Math.Min(line.Length - 1, i + 1)];
            var length = Math.Sqrt(((n1 - n0) * (n1 - n0)) + ((e1 - e0) * (e1 - e0)));
            var (pn, pe) = (-(e1 - e0) / length * halfWidth, (n1 - n0) / length * halfWidth);
            left.Add((line[i].North + pn, line[i].East + pe));
            right.Add((line[i].North - pn, line[i].East - pe));
        }

        right.Reverse();
        return [.. left, .. right, left[0]];
    }

    private static (double North, double East)[] Rectangle(double south, double west, double north, double east) =>
        [(south, west), (south, east), (north, east), (north, west), (south, west)];

    private static SyntheticMapFeature Area(SyntheticMapKind kind, string name, (double North, double East)[] ring) =>
        new(kind, name, [Points(ring)]);

    private static SyntheticMapFeature Line(SyntheticMapKind kind, string name, (double North, double East)[] line) =>
        new(kind, name, [Points(line)]);

    private static GeoPoint[] Points((double North, double East)[] metres) =>
        Array.ConvertAll(metres, m => SyntheticZones.Offset(m.North, m.East));
}

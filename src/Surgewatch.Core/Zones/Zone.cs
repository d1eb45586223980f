namespace Surgewatch.Core.Zones;

/// <summary>A monitored place: its outline, size, levels and the sensors that feed it. (Placeholder until the lead's version is merged.)</summary>
/// <param name="Id">The zone's identifier.</param>
/// <param name="Name">A display name.</param>
/// <param name="Polygon">The outline.</param>
/// <param name="AreaSquareMetres">The walkable area, m².</param>
/// <param name="WidthMetres">The walkway or exit width that flow is measured across, if any.</param>
/// <param name="Capacity">The licensed capacity in persons, if any.</param>
/// <param name="Levels">The alert levels.</param>
/// <param name="Sources">The sensors that feed the zone.</param>
public sealed record Zone(
    ZoneId Id,
    string Name,
    ZonePolygon Polygon,
    double AreaSquareMetres,
    double? WidthMetres,
    int? Capacity,
    ZoneLevels Levels,
    IReadOnlyList<ZoneSource> Sources)
{
    /// <summary>Creates a zone; the area is computed from the polygon when not given, the levels default to <see cref="ZoneLevels.Default"/>.</summary>
    public static Zone Create(
        ZoneId id,
        string name,
        ZonePolygon polygon,
        double? areaSquareMetres = null,
        double? widthMetres = null,
        int? capacity = null,
        ZoneLevels? levels = null,
        IReadOnlyList<ZoneSource>? sources = null) =>
        new(id, name, polygon, areaSquareMetres ?? polygon.AreaSquareMetres(), widthMetres, capacity, levels ?? ZoneLevels.Default, sources ?? []);
}

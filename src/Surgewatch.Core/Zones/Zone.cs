namespace Surgewatch.Core.Zones;

/// <summary>
/// A place whose crowd is watched: its outline, the room people have in it, its safe levels and the sensors that
/// tell how many people are in it or pass through it.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Display name, such as "Flinders Street forecourt".</param>
/// <param name="Polygon">The outline.</param>
/// <param name="AreaSquareMetres">The walkable area that density is computed over: given, or the polygon's area.</param>
/// <param name="WidthMetres">The walkway or exit width that flow is computed over, when the zone has one.</param>
/// <param name="Capacity">The licensed or planned capacity in persons, when known.</param>
/// <param name="Levels">The zone's alert levels: the literature defaults unless overridden.</param>
/// <param name="Sources">The sensors feeding the zone.</param>
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
    /// <summary>
    /// Creates a checked zone. The area is computed from the polygon unless <paramref name="areaSquareMetres"/>
    /// is given (the walkable area can be smaller than the outline); levels default to <see cref="ZoneLevels.Default"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names the zone and the setting.</exception>
    public static Zone Create(
        ZoneId id,
        string name,
        ZonePolygon polygon,
        double? areaSquareMetres = null,
        double? widthMetres = null,
        int? capacity = null,
        ZoneLevels? levels = null,
        IReadOnlyList<ZoneSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        var checkedPolygon = Checked(id, () => polygon.Validated());
        var zone = new Zone(
            id,
            string.IsNullOrWhiteSpace(name) ? id.Value : name.Trim(),
            checkedPolygon,
            areaSquareMetres ?? checkedPolygon.AreaSquareMetres(),
            widthMetres,
            capacity,
            levels ?? ZoneLevels.Default,
            sources ?? []);
        return zone.Validated();
    }

    /// <summary>Checks every setting and returns this zone.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names the zone and the setting.</exception>
    public Zone Validated()
    {
        Require(double.IsFinite(AreaSquareMetres) && AreaSquareMetres > 0, "area", $"must be a positive number of square metres, but is {AreaSquareMetres}");
        Require(WidthMetres is null || (double.IsFinite(WidthMetres.Value) && WidthMetres > 0), "width", $"must be a positive number of metres, but is {WidthMetres}");
        Require(Capacity is null or > 0, "capacity", $"must be a positive number of persons, but is {Capacity}");
        Checked(Id, () => Levels.Validated());
        var seen = new HashSet<(Series.SensorId, ZoneSourceRole)>();
        foreach (var source in Sources)
        {
            Checked(Id, () => source.Validated());
            Require(seen.Add((source.Sensor, source.Role)), "sources", $"list sensor '{source.Sensor}' as {source.Role} twice");
        }

        return this;
    }

    private void Require(bool ok, string setting, string what)
    {
        if (!ok)
        {
            throw new ArgumentException($"Zone '{Id}': {setting} {what}.", setting);
        }
    }

    private static T Checked<T>(ZoneId id, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Zone '{id}': {e.Message}", e.ParamName, e);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Storage;

/// <summary>
/// The small JSON documents a store keeps for a zone in text columns, one format for every adapter: the outline as
/// rings of [longitude, latitude] pairs (GeoJSON order), and the sources as <c>[{"Sensor", "Role", "Factor"}]</c>
/// with the role's number.
/// </summary>
public static class ZoneDocuments
{
    /// <summary>The outline as stored.</summary>
    public static string PolygonJson(ZonePolygon polygon)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        var rings = polygon.Rings.Select(r => r.Select(p => new[] { p.Longitude, p.Latitude }).ToArray()).ToArray();
        return JsonSerializer.Serialize(rings, ZoneDocumentJson.Default.Double3);
    }

    /// <summary>The outline read back from <see cref="PolygonJson"/>.</summary>
    public static ZonePolygon Polygon(string json)
    {
        var rings = JsonSerializer.Deserialize(json, ZoneDocumentJson.Default.Double3) ?? [];
        return new ZonePolygon(rings.Select(r => (IReadOnlyList<GeoPoint>)r.Select(p => new GeoPoint(p[1], p[0])).ToArray()).ToArray());
    }

    /// <summary>The sources as stored.</summary>
    public static string SourcesJson(IEnumerable<ZoneSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var stored = sources.Select(s => new StoredZoneSource(s.Sensor.Value, (int)s.Role, s.Factor)).ToArray();
        return JsonSerializer.Serialize(stored, ZoneDocumentJson.Default.StoredZoneSourceArray);
    }

    /// <summary>The sources read back from <see cref="SourcesJson"/>.</summary>
    public static ZoneSource[] Sources(string json)
    {
        var stored = JsonSerializer.Deserialize(json, ZoneDocumentJson.Default.StoredZoneSourceArray) ?? [];
        return [.. stored.Select(s => new ZoneSource(new SensorId(s.Sensor), (ZoneSourceRole)s.Role, s.Factor))];
    }
}

/// <summary>A zone source as stored.</summary>
internal sealed record StoredZoneSource(string Sensor, int Role, double Factor);

/// <summary>Source-generated JSON for the zone documents.</summary>
[JsonSerializable(typeof(double[][][]), TypeInfoPropertyName = "Double3")]
[JsonSerializable(typeof(StoredZoneSource[]), TypeInfoPropertyName = "StoredZoneSourceArray")]
internal sealed partial class ZoneDocumentJson : JsonSerializerContext;

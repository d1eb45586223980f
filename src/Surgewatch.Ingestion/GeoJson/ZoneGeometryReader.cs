using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>Reads a GeoJSON Polygon geometry: rings of [longitude, latitude] positions.</summary>
internal static class ZoneGeometryReader
{
    public static ZonePolygon? Read(JsonTree? geometry, string path, int featureLine, InputErrorList errors)
    {
        if (geometry is not { Kind: JsonValueKind.Object })
        {
            errors.Add(geometry?.Line ?? featureLine, path, "a zone needs a Polygon geometry");
            return null;
        }

        var type = geometry["type"]?.Text;
        if (type != "Polygon")
        {
            var hint = type == "MultiPolygon" ? "; split a MultiPolygon into one zone per part" : string.Empty;
            errors.Add(geometry.Line, $"{path}.type", $"expected 'Polygon' but found '{type}'{hint}");
            return null;
        }

        if (geometry["coordinates"] is not { Kind: JsonValueKind.Array, Items.Count: > 0 } rings)
        {
            errors.Add(geometry.Line, $"{path}.coordinates", "expected an array of rings");
            return null;
        }

        var before = errors.Count;
        var result = new List<IReadOnlyList<GeoPoint>>(rings.Items.Count);
        for (var r = 0; r < rings.Items.Count; r++)
        {
            result.Add(ReadRing(rings.Items[r], $"{path}.coordinates[{r}]", errors));
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return new ZonePolygon(result).Validated();
        }
        catch (ArgumentException e)
        {
            errors.Add(geometry.Line, $"{path}.coordinates", e.Message);
            return null;
        }
    }

    private static List<GeoPoint> ReadRing(JsonTree ring, string path, InputErrorList errors)
    {
        var points = new List<GeoPoint>();
        if (ring.Kind != JsonValueKind.Array || ring.Items.Count < 3)
        {
            errors.Add(ring.Line, path, "a ring needs at least three [longitude, latitude] positions");
            return points;
        }

        for (var i = 0; i < ring.Items.Count; i++)
        {
            var position = ring.Items[i];
            if (position is { Kind: JsonValueKind.Array, Items.Count: >= 2 }
                && position.Items[0] is { Kind: JsonValueKind.Number, Number: >= -180 and <= 180 } lon
                && position.Items[1] is { Kind: JsonValueKind.Number, Number: >= -90 and <= 90 } lat)
            {
                points.Add(new GeoPoint(lat.Number, lon.Number));
            }
            else
            {
                errors.Add(position.Line, $"{path}[{i}]", "expected [longitude, latitude] with longitude in [-180, 180] and latitude in [-90, 90]");
            }
        }

        return points;
    }
}

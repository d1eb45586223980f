using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>Turns a parsed GeoJSON document into zones, adding an error for each thing wrong.</summary>
internal sealed class ZoneFeatureReader(InputErrorList errors)
{
    private static readonly string[] KnownProperties = ["id", "name", "areaM2", "widthM", "capacity", "levels", "sources", "description"];

    /// <summary>The members of a Feature the reader reads (or, for bbox, may ignore).</summary>
    private static readonly string[] KnownFeatureMembers = ["type", "id", "geometry", "properties", "bbox"];

    /// <summary>The members of a FeatureCollection the reader reads or may ignore: bbox, and the layer name and crs that QGIS writes.</summary>
    private static readonly string[] KnownCollectionMembers = ["type", "features", "bbox", "name", "crs"];

    public List<Zone> ReadDocument(JsonTree root)
    {
        var zones = new List<Zone>();
        var type = root.Kind == JsonValueKind.Object ? root["type"]?.Text : null;
        if (type == "Feature")
        {
            AddZone(zones, root, "feature");
        }
        else if (type == "FeatureCollection" && root["features"] is { Kind: JsonValueKind.Array } features)
        {
            ZonePrivacyCheck.CheckMembers(root, string.Empty, KnownCollectionMembers, errors);
            for (var i = 0; i < features.Items.Count; i++)
            {
                AddZone(zones, features.Items[i], $"features[{i}]");
            }
        }
        else
        {
            errors.Add(root.Line, "type", "expected a GeoJSON FeatureCollection with a 'features' array, or a single Feature");
        }

        CheckUnique(zones);
        return zones;
    }

    private void AddZone(List<Zone> zones, JsonTree feature, string path)
    {
        if (ReadZone(feature, path) is { } zone)
        {
            zones.Add(zone);
        }
    }

    private Zone? ReadZone(JsonTree feature, string path)
    {
        if (feature.Kind != JsonValueKind.Object || feature["type"]?.Text != "Feature")
        {
            errors.Add(feature.Line, path, "expected a GeoJSON Feature object");
            return null;
        }

        var properties = feature["properties"];
        if (properties is not { Kind: JsonValueKind.Object })
        {
            errors.Add(feature.Line, $"{path}.properties", "expected an object with at least 'id'");
            return null;
        }

        var before = errors.Count;
        ZonePrivacyCheck.CheckMembers(feature, path, KnownFeatureMembers, errors);
        ZonePrivacyCheck.CheckMembers(properties, $"{path}.properties", KnownProperties, errors);
        ZonePrivacyCheck.CheckText(properties["name"], $"{path}.properties.name", errors);
        var id = ReadId(feature, properties, path);
        var polygon = ZoneGeometryReader.Read(feature["geometry"], $"{path}.geometry", feature.Line, errors);
        var area = OptionalNumber(properties, "areaM2", path);
        var width = OptionalNumber(properties, "widthM", path);
        var capacity = OptionalNumber(properties, "capacity", path);
        var levels = ZoneLevelsReader.Read(properties["levels"], $"{path}.properties.levels", errors);
        var sources = ZoneSourcesReader.Read(properties["sources"], $"{path}.properties.sources", errors);
        if (errors.Count > before || id is null || polygon is null)
        {
            return null;
        }

        try
        {
            return Zone.Create(id.Value, properties["name"]?.Text ?? id.Value.Value, polygon, area, width, capacity is { } c ? (int)c : null, levels, sources);
        }
        catch (ArgumentException e)
        {
            errors.Add(feature.Line, path, e.Message);
            return null;
        }
    }

    private ZoneId? ReadId(JsonTree feature, JsonTree properties, string path)
    {
        var field = properties["id"] is null && feature["id"] is not null ? $"{path}.id" : $"{path}.properties.id";
        var node = properties["id"] ?? feature["id"];
        if (node?.Text is not { } text)
        {
            errors.Add(node?.Line ?? properties.Line, field, "a zone needs a string id");
            return null;
        }

        if (!ZonePrivacyCheck.CheckId(text, node.Line, field, errors))
        {
            return null;
        }

        if (!ZoneId.IsValid(text, out var reason))
        {
            errors.Add(node.Line, field, $"'{text}' is not a valid zone id: {reason}");
            return null;
        }

        return new ZoneId(text);
    }

    private double? OptionalNumber(JsonTree properties, string name, string path)
    {
        var node = properties[name];
        if (node is null || node.Kind == JsonValueKind.Null)
        {
            return null;
        }

        if (node.Kind != JsonValueKind.Number || !(node.Number > 0))
        {
            errors.Add(node.Line, $"{path}.properties.{name}", "must be a positive number");
            return null;
        }

        if (name == "capacity" && node.Number != Math.Floor(node.Number))
        {
            errors.Add(node.Line, $"{path}.properties.{name}", "must be a whole number of persons");
            return null;
        }

        return node.Number;
    }

    private void CheckUnique(List<Zone> zones)
    {
        var seen = new HashSet<ZoneId>();
        foreach (var zone in zones)
        {
            if (!seen.Add(zone.Id))
            {
                errors.Add(null, "id", $"zone id '{zone.Id}' appears more than once");
            }
        }
    }
}

using System.Text.Json;
using Surgewatch.Core.Zones;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>Writes zones as GeoJSON in the shape <see cref="ZonesGeoJson"/> reads back.</summary>
internal static class ZoneFeatureWriter
{
    public static void WriteCollection(Utf8JsonWriter writer, IReadOnlyList<Zone> zones)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(zones);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var zone in zones)
        {
            WriteFeature(writer, zone);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteFeature(Utf8JsonWriter writer, Zone zone)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(zone);
        writer.WriteStartObject();
        writer.WriteString("type", "Feature");
        writer.WriteString("id", zone.Id.Value);
        WriteGeometry(writer, zone.Polygon);
        writer.WriteStartObject("properties");
        writer.WriteString("id", zone.Id.Value);
        writer.WriteString("name", zone.Name);
        writer.WriteNumber("areaM2", Math.Round(zone.AreaSquareMetres, 1));
        WriteOptional(writer, "widthM", zone.WidthMetres);
        WriteOptional(writer, "capacity", zone.Capacity);
        WriteLevels(writer, zone.Levels);
        WriteSources(writer, zone.Sources);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter writer, ZonePolygon polygon)
    {
        writer.WriteStartObject("geometry");
        writer.WriteString("type", "Polygon");
        writer.WriteStartArray("coordinates");
        foreach (var ring in polygon.Rings)
        {
            writer.WriteStartArray();
            foreach (var point in ring)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(point.Longitude);
                writer.WriteNumberValue(point.Latitude);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter writer, ZoneLevels levels)
    {
        writer.WriteStartObject("levels");
        writer.WriteNumber("densityWarning", levels.DensityWarning);
        writer.WriteNumber("densityAlarm", levels.DensityAlarm);
        writer.WriteNumber("densityCritical", levels.DensityCritical);
        writer.WriteNumber("flowWarning", levels.FlowWarning);
        writer.WriteNumber("flowAlarm", levels.FlowAlarm);
        writer.WriteNumber("flowCritical", levels.FlowCritical);
        writer.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter writer, IReadOnlyList<ZoneSource> sources)
    {
        writer.WriteStartArray("sources");
        foreach (var source in sources)
        {
            writer.WriteStartObject();
            writer.WriteString("sensorId", source.Sensor.Value);
            writer.WriteString("role", ZoneSourcesReader.RoleName(source.Role));
            writer.WriteNumber("factor", source.Factor);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}

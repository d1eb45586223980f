// TEMPORARY: the Core/Zones and GeoJSON types of CONTRACTS.md, until the lead's versions land on main.
// Delete this folder when merging main; nothing else changes (same names and namespaces).
#pragma warning disable SA1402, SA1649, CS1591
using System.Text.Json;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Core.Zones
{
    internal readonly record struct ZoneId(string Value)
    {
        public static bool IsValid(string? value, out string reason) => SensorId.IsValid(value, out reason);

        public override string ToString() => Value;
    }

    internal enum ZoneSourceRole { LineIn, LineOut, LineTotal, Occupancy, CellDevices }

    internal sealed record ZoneSource(SensorId Sensor, ZoneSourceRole Role, double Factor = 1.0);

    internal sealed record ZonePolygon(IReadOnlyList<IReadOnlyList<GeoPoint>> Rings)
    {
        private const double EarthRadius = 6_371_008.8;

        public double AreaSquareMetres()
        {
            var area = RingArea(Rings[0]);
            for (var i = 1; i < Rings.Count; i++)
            {
                area -= RingArea(Rings[i]);
            }

            return Math.Max(0, area);
        }

        public GeoPoint Centroid()
        {
            double lat = 0, lon = 0;
            var ring = Rings[0];
            foreach (var p in ring)
            {
                lat += p.Latitude;
                lon += p.Longitude;
            }

            return new GeoPoint(lat / ring.Count, lon / ring.Count);
        }

        private static double RingArea(IReadOnlyList<GeoPoint> ring)
        {
            double sum = 0;
            for (var i = 0; i < ring.Count; i++)
            {
                var a = ring[i];
                var b = ring[(i + 1) % ring.Count];
                sum += ToRad(b.Longitude - a.Longitude) * (2 + Math.Sin(ToRad(a.Latitude)) + Math.Sin(ToRad(b.Latitude)));
            }

            return Math.Abs(sum * EarthRadius * EarthRadius / 2);
        }

        private static double ToRad(double degrees) => degrees * Math.PI / 180;
    }

    internal sealed record Zone(ZoneId Id, string Name, ZonePolygon Polygon, double AreaSquareMetres, double? WidthMetres, int? Capacity, ZoneLevels Levels, IReadOnlyList<ZoneSource> Sources)
    {
        public static Zone Create(ZoneId id, string name, ZonePolygon polygon, double? areaSquareMetres = null, double? widthMetres = null, int? capacity = null, ZoneLevels? levels = null, IReadOnlyList<ZoneSource>? sources = null) =>
            new(id, name, polygon, areaSquareMetres ?? polygon.AreaSquareMetres(), widthMetres, capacity, levels ?? ZoneLevels.Default, sources ?? []);
    }

    internal interface IZoneStore
    {
        Task UpsertZonesAsync(IReadOnlyList<Zone> zones, CancellationToken cancellationToken);

        Task<IReadOnlyList<Zone>> ListZonesAsync(CancellationToken cancellationToken);

        Task<Zone?> FindZoneAsync(ZoneId id, CancellationToken cancellationToken);

        Task<bool> DeleteZoneAsync(ZoneId id, CancellationToken cancellationToken);
    }
}

namespace Surgewatch.Ingestion.GeoJson
{
    using Surgewatch.Core.Zones;

    internal static class ZonesGeoJson
    {
        private static readonly string[] RoleNames = ["lineIn", "lineOut", "lineTotal", "occupancy", "cellDevices"];

        public static IReadOnlyList<Zone> Read(Stream stream, string source)
        {
            using var document = ParseDocument(stream, source);
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "Feature")
            {
                return [ReadFeature(root, source, 1)];
            }

            if (type != "FeatureCollection" || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw Rejected(source, 1, "type", "expected a GeoJSON Feature or FeatureCollection");
            }

            var zones = new List<Zone>();
            var n = 0;
            foreach (var feature in features.EnumerateArray())
            {
                zones.Add(ReadFeature(feature, source, ++n));
            }

            return zones;
        }

        public static void Write(Utf8JsonWriter writer, IReadOnlyList<Zone> zones)
        {
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

        private static JsonDocument ParseDocument(Stream stream, string source)
        {
            try
            {
                return JsonDocument.Parse(stream);
            }
            catch (JsonException e)
            {
                throw Rejected(source, (int)(e.LineNumber ?? 0) + 1, "json", e.Message);
            }
        }

        private static void WriteFeature(Utf8JsonWriter writer, Zone zone)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteString("id", zone.Id.Value);
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Polygon");
            writer.WriteStartArray("coordinates");
            foreach (var ring in zone.Polygon.Rings)
            {
                writer.WriteStartArray();
                foreach (var p in ring)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(p.Longitude);
                    writer.WriteNumberValue(p.Latitude);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("id", zone.Id.Value);
            writer.WriteString("name", zone.Name);
            writer.WriteNumber("areaM2", Math.Round(zone.AreaSquareMetres, 1));
            WriteNullable(writer, "widthM", zone.WidthMetres);
            WriteNullable(writer, "capacity", zone.Capacity);
            writer.WriteStartObject("levels");
            var l = zone.Levels;
            writer.WriteNumber("densityWarning", l.DensityWarning);
            writer.WriteNumber("densityAlarm", l.DensityAlarm);
            writer.WriteNumber("densityCritical", l.DensityCritical);
            writer.WriteNumber("flowWarning", l.FlowWarning);
            writer.WriteNumber("flowAlarm", l.FlowAlarm);
            writer.WriteNumber("flowCritical", l.FlowCritical);
            writer.WriteEndObject();
            writer.WriteStartArray("sources");
            foreach (var s in zone.Sources)
            {
                writer.WriteStartObject();
                writer.WriteString("sensorId", s.Sensor.Value);
                writer.WriteString("role", RoleNames[(int)s.Role]);
                writer.WriteNumber("factor", s.Factor);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        private static void WriteNullable(Utf8JsonWriter writer, string name, double? value)
        {
            if (value is { } v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        private static Zone ReadFeature(JsonElement feature, string source, int line)
        {
            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p
                : throw Rejected(source, line, "properties", "each feature needs properties with id and name");
            var id = properties.TryGetProperty("id", out var i) ? i.GetString() : null;
            if (!ZoneId.IsValid(id, out var reason))
            {
                throw Rejected(source, line, "id", reason);
            }

            var name = properties.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : id!;
            var polygon = ReadPolygon(feature, source, line);
            var levels = ReadLevels(properties);
            return Zone.Create(new ZoneId(id!), name, polygon, Number(properties, "areaM2"), Number(properties, "widthM"), (int?)Number(properties, "capacity"), levels, ReadSources(properties, source, line));
        }

        private static ZonePolygon ReadPolygon(JsonElement feature, string source, int line)
        {
            if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object || !g.TryGetProperty("coordinates", out var coordinates)
                || (g.GetProperty("type").GetString() != "Polygon"))
            {
                throw Rejected(source, line, "geometry", "each zone needs a Polygon geometry");
            }

            var rings = new List<IReadOnlyList<GeoPoint>>();
            foreach (var ring in coordinates.EnumerateArray())
            {
                var points = new List<GeoPoint>();
                foreach (var point in ring.EnumerateArray())
                {
                    points.Add(new GeoPoint(point[1].GetDouble(), point[0].GetDouble()));
                }

                if (points.Count < 3)
                {
                    throw Rejected(source, line, "geometry", "a ring needs at least 3 positions");
                }

                rings.Add(points);
            }

            return rings.Count > 0 ? new ZonePolygon(rings) : throw Rejected(source, line, "geometry", "a polygon needs an outer ring");
        }

        private static ZoneLevels ReadLevels(JsonElement properties)
        {
            var d = ZoneLevels.Default;
            if (!properties.TryGetProperty("levels", out var l) || l.ValueKind != JsonValueKind.Object)
            {
                return d;
            }

            return new ZoneLevels(
                Number(l, "densityWarning") ?? d.DensityWarning, Number(l, "densityAlarm") ?? d.DensityAlarm, Number(l, "densityCritical") ?? d.DensityCritical,
                Number(l, "flowWarning") ?? d.FlowWarning, Number(l, "flowAlarm") ?? d.FlowAlarm, Number(l, "flowCritical") ?? d.FlowCritical);
        }

        private static IReadOnlyList<ZoneSource> ReadSources(JsonElement properties, string source, int line)
        {
            var sources = new List<ZoneSource>();
            if (!properties.TryGetProperty("sources", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                return sources;
            }

            foreach (var s in array.EnumerateArray())
            {
                var sensor = s.TryGetProperty("sensorId", out var sid) ? sid.GetString() : null;
                if (!SensorId.IsValid(sensor, out var reason))
                {
                    throw Rejected(source, line, "sources.sensorId", reason);
                }

                var role = Array.IndexOf(RoleNames, s.TryGetProperty("role", out var r) ? r.GetString() : null);
                if (role < 0)
                {
                    throw Rejected(source, line, "sources.role", "role must be one of " + string.Join(", ", RoleNames));
                }

                sources.Add(new ZoneSource(new SensorId(sensor!), (ZoneSourceRole)role, Number(s, "factor") ?? 1.0));
            }

            return sources;
        }

        private static double? Number(JsonElement element, string name) =>
            element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

        private static InputRejectedException Rejected(string source, int line, string field, string message) =>
            new(source, [new InputError(source, line, field, message)], 0);
    }
}

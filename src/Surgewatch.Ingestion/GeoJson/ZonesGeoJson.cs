using System.Text.Json;
using Surgewatch.Core.Zones;
using Surgewatch.Ingestion.Errors;
using Surgewatch.Ingestion.Sources;

namespace Surgewatch.Ingestion.GeoJson;

/// <summary>
/// Zones as GeoJSON: a FeatureCollection (or one Feature) of Polygons whose properties are <c>id</c>, <c>name</c>,
/// optional <c>areaM2</c> (else computed from the polygon), <c>widthM</c>, <c>capacity</c>, <c>levels</c> (any of
/// <c>densityWarning</c>, <c>densityAlarm</c>, <c>densityCritical</c>, <c>flowWarning</c>, <c>flowAlarm</c>,
/// <c>flowCritical</c>; the rest keep the defaults) and <c>sources</c> (<c>[{"sensorId", "role", "factor"}]</c>,
/// role one of lineIn, lineOut, lineTotal, occupancy, cellDevices). Other members are ignored, except those whose
/// name, at any depth of the collection, a Feature or its properties, says they hold personal data; such a name, or
/// a zone id, zone name or source sensor id that looks like a personal identifier, rejects the file. A file with any
/// error is rejected whole, each error naming the line and field path.
/// </summary>
public static class ZonesGeoJson
{
    /// <summary>The largest zones document read, in bytes.</summary>
    public const int MaxBytes = 16 << 20;

    /// <summary>Reads the file at <paramref name="path"/> (plain or gzip); errors name the file.</summary>
    public static IReadOnlyList<Zone> ReadFile(string path) =>
        InputStreams.ReadFile(path, null, (text, source, options) => ReadText(text, source, options.MaxErrors));

    /// <summary>Reads <paramref name="stream"/> (left open); errors name <paramref name="source"/>.</summary>
    public static IReadOnlyList<Zone> Read(Stream stream, string source) =>
        InputStreams.ReadStream(stream, source, null, (text, name, options) => ReadText(text, name, options.MaxErrors));

    /// <summary>Parses a document already in memory; errors name <paramref name="source"/>.</summary>
    public static IReadOnlyList<Zone> Parse(ReadOnlySpan<byte> utf8, string source, int maxErrors = 100)
    {
        var errors = new InputErrorList(source, maxErrors);
        var root = JsonTree.ParseOrReject(utf8, errors);
        var zones = new ZoneFeatureReader(errors).ReadDocument(root);
        errors.ThrowIfAny();
        return zones;
    }

    /// <summary>Writes <paramref name="zones"/> as a FeatureCollection in the shape <see cref="Read"/> accepts.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<Zone> zones) => ZoneFeatureWriter.WriteCollection(writer, zones);

    /// <summary>Writes one zone as a GeoJSON Feature.</summary>
    public static void WriteFeature(Utf8JsonWriter writer, Zone zone) => ZoneFeatureWriter.WriteFeature(writer, zone);

    /// <summary>A source role's name in GeoJSON and the API: lineIn, lineOut, lineTotal, occupancy or cellDevices.</summary>
    public static string RoleName(ZoneSourceRole role) => ZoneSourcesReader.RoleName(role);

    private static IReadOnlyList<Zone> ReadText(Stream text, string source, int maxErrors) =>
        Parse(InputStreams.ReadAll(text, MaxBytes, source, "zones document"), source, maxErrors);
}

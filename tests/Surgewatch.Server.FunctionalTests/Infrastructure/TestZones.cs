using System.Globalization;

namespace Surgewatch.Server.FunctionalTests.Infrastructure;

/// <summary>Small GeoJSON zones and readings for tests.</summary>
public static class TestZones
{
    /// <summary>A Feature: a small square zone of <paramref name="areaM2"/> m² fed by one occupancy sensor <c>{id}-occ</c>.</summary>
    public static string Feature(string id, double areaM2 = 100, string name = "Test zone") =>
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[144.96,-37.81],[144.9601,-37.81],[144.9601,-37.8101],[144.96,-37.8101],[144.96,-37.81]]]},"
        + $"\"properties\":{{\"id\":\"{id}\",\"name\":\"{name}\",\"areaM2\":{areaM2.ToString(CultureInfo.InvariantCulture)},\"widthM\":null,\"capacity\":400,"
        + $"\"sources\":[{{\"sensorId\":\"{id}-occ\",\"role\":\"occupancy\",\"factor\":1}}]}}}}";

    /// <summary>A FeatureCollection of the features.</summary>
    public static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";

    /// <summary>An NDJSON reading of the zone's occupancy sensor at the present (UTC site).</summary>
    public static string OccupancyNow(string id, double persons) =>
        $$"""{"sensorId":"{{id}}-occ","timestamp":"{{TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}}","value":{{persons.ToString(CultureInfo.InvariantCulture)}}}""";
}

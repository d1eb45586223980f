using Surgewatch.Testing.SyntheticCity;

namespace Surgewatch.Server.Basemap;

/// <summary>The demo city's base map (<see cref="SyntheticCityMap"/>) as GeoJSON, built once.</summary>
internal static class DemoCityBasemap
{
    private static readonly Lazy<BasemapFeatureCollection> Collection = new(Build);

    public static BasemapFeatureCollection Features => Collection.Value;

    private static BasemapFeatureCollection Build()
    {
        var features = SyntheticCityMap.Features().Select(f => new BasemapFeature(
            "Feature",
            new BasemapGeometry(f.Kind is SyntheticMapKind.Street or SyntheticMapKind.Railway ? "MultiLineString" : "Polygon", Coordinates(f)),
            new BasemapFeatureProperties(f.Kind.ToString().ToLowerInvariant(), f.Name)));
        return new BasemapFeatureCollection("FeatureCollection", [.. features]);
    }

    private static double[][][] Coordinates(SyntheticMapFeature feature) =>
        [.. feature.Parts.Select(part => part.Select(p => new[] { Math.Round(p.Longitude, 6), Math.Round(p.Latitude, 6) }).ToArray())];
}

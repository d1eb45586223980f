namespace Surgewatch.Server.Basemap;

/// <summary>
/// Which base maps this server offers the dashboard: the operator's PMTiles extract (<c>serve --basemap</c>) and, in
/// demo mode, the demo city's own streets; a null URL means none.
/// </summary>
/// <param name="Pmtiles">Where the PMTiles archive is (read with HTTP range requests), or null.</param>
/// <param name="DemoCity">Where the demo city's streets, river, parks and squares are (GeoJSON), or null.</param>
internal sealed record BasemapDto(string? Pmtiles, string? DemoCity);

/// <summary>A GeoJSON FeatureCollection of base-map features.</summary>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
/// <param name="Features">The features, areas first.</param>
internal sealed record BasemapFeatureCollection(string Type, IReadOnlyList<BasemapFeature> Features);

/// <summary>A GeoJSON Feature: a Polygon (water, park, square) or a MultiLineString (street, railway).</summary>
/// <param name="Type">Always <c>Feature</c>.</param>
/// <param name="Geometry">Its shape.</param>
/// <param name="Properties">What it is.</param>
internal sealed record BasemapFeature(string Type, BasemapGeometry Geometry, BasemapFeatureProperties Properties);

/// <summary>A GeoJSON geometry whose coordinates are rings (Polygon) or lines (MultiLineString) of [longitude, latitude].</summary>
/// <param name="Type"><c>Polygon</c> or <c>MultiLineString</c>.</param>
/// <param name="Coordinates">The rings or lines.</param>
internal sealed record BasemapGeometry(string Type, double[][][] Coordinates);

/// <summary>What a base-map feature is.</summary>
/// <param name="Kind"><c>water</c>, <c>park</c>, <c>square</c>, <c>street</c> or <c>railway</c>.</param>
/// <param name="Name">Its (made-up) name.</param>
internal sealed record BasemapFeatureProperties(string Kind, string Name);

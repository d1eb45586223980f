namespace Surgewatch.Server.Docs;

// The shapes of the GeoJSON replies and bodies that are written and read as JSON text (Ingestion's ZonesGeoJson, the
// open-data GeoJSON), described as types for the OpenAPI document only: the endpoints name them in Produces/Accepts.
// Keep them in step with ZoneFeatureWriter, OpenDataEndpoints and RoadsEndpoints.

/// <summary>Zones as a GeoJSON FeatureCollection.</summary>
internal sealed record ZoneCollectionSchema(string Type, ZoneFeatureSchema[] Features);

/// <summary>The open-data zones: the zones' FeatureCollection with the licence and attribution to give.</summary>
internal sealed record OpenZonesSchema(string Type, ZoneFeatureSchema[] Features, string Licence, string LicenceUrl, string Attribution);

/// <summary>The open-data sensors: a FeatureCollection of points with the licence and attribution to give.</summary>
internal sealed record OpenSensorsSchema(string Type, SensorFeatureSchema[] Features, string Licence, string LicenceUrl, string Attribution);

/// <summary>A zone: <c>type</c> Feature, its id, a Polygon (rings of [longitude, latitude]) and its properties.</summary>
internal sealed record ZoneFeatureSchema(string Type, string Id, PolygonSchema Geometry, ZonePropertiesSchema Properties);

/// <summary>A GeoJSON Polygon: rings of [longitude, latitude], the first the outer ring.</summary>
internal sealed record PolygonSchema(string Type, double[][][] Coordinates);

/// <summary>
/// A zone's properties: area (m², computed when absent), the width its line counters span (m), capacity (persons),
/// density levels (persons/m²) and flow levels (persons/m/min), and its sources.
/// </summary>
internal sealed record ZonePropertiesSchema(string Id, string Name, double AreaM2, double? WidthM, double? Capacity, ZoneLevelsSchema Levels, ZoneSourceSchema[] Sources);

/// <summary>A zone's levels: density in persons/m², flow in persons/m/min.</summary>
internal sealed record ZoneLevelsSchema(double DensityWarning, double DensityAlarm, double DensityCritical, double FlowWarning, double FlowAlarm, double FlowCritical);

/// <summary>A sensor feeding a zone: its role (<c>occupancy</c>, <c>cellDevices</c>, <c>lineIn</c>, <c>lineOut</c>, <c>lineTotal</c>) and factor.</summary>
internal sealed record ZoneSourceSchema(string SensorId, string Role, double Factor);

/// <summary>A sensor as a GeoJSON point feature.</summary>
internal sealed record SensorFeatureSchema(string Type, string Id, PointSchema Geometry, SensorPropertiesSchema Properties);

/// <summary>A GeoJSON Point: [longitude, latitude].</summary>
internal sealed record PointSchema(string Type, double[] Coordinates);

/// <summary>A sensor's properties: id, name, kind and its reporting step in seconds.</summary>
internal sealed record SensorPropertiesSchema(string Id, string Name, string Kind, long StepSeconds);

/// <summary>The road sensors drawn as lines, a GeoJSON FeatureCollection.</summary>
internal sealed record RoadSegmentCollectionSchema(string Type, RoadSegmentFeatureSchema[] Features);

/// <summary>A road sensor drawn as a line: <c>type</c> Feature, its id (the sensor's), a LineString and its properties.</summary>
internal sealed record RoadSegmentFeatureSchema(string Type, string Id, LineStringSchema Geometry, RoadSegmentPropertiesSchema Properties);

/// <summary>A GeoJSON LineString: [longitude, latitude] positions, the first the sensor's own.</summary>
internal sealed record LineStringSchema(string Type, double[][] Coordinates);

/// <summary>A road segment's properties: the sensor's id, as <c>/api/v1/sensors</c> gives it, and its name.</summary>
internal sealed record RoadSegmentPropertiesSchema(string Id, string Name);

namespace Surgewatch.Server.Readings;

/// <summary>One reading as the API exchanges it (the shape of a JSON-array element on ingest).</summary>
/// <param name="SensorId">The sensor's id.</param>
/// <param name="Timestamp">ISO-8601 local label or instant.</param>
/// <param name="Value">The count or level.</param>
internal sealed record ReadingDto(string SensorId, string Timestamp, double Value);

namespace Surgewatch.Server.Live;

/// <summary>A reading as the hub sends it: the sensor, its site-local label and the value.</summary>
internal sealed record LiveReading(string SensorId, string T, double Value);

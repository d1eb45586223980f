namespace Surgewatch.Core.Edge;

/// <summary>A region, line or calibration that cannot be used as given; the message says what to change.</summary>
public sealed class EdgeGeometryException(string message) : Exception(message);

namespace Surgewatch.Edge.Sources;

/// <summary>A video source that cannot be opened or decoded; the message names it and says what to check.</summary>
public sealed class VideoSourceException(string message) : Exception(message);

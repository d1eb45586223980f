namespace Surgewatch.Ingestion.Sources;

/// <summary>Thrown when a data folder does not hold exactly one observations file that Surgewatch recognises.</summary>
public sealed class DataFolderException(string message) : IOException(message);

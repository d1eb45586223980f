using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>
/// Turns a data file into one batch. The ingest comparison takes any loader, so that the parse step
/// can be swapped; the comparison uses <see cref="LongCsvReaderLoader"/>, the product's own reader.
/// </summary>
public interface IObservationLoader
{
    /// <summary>A short name for the report.</summary>
    string Name { get; }

    /// <summary>Reads every row of <paramref name="path"/>.</summary>
    ObservationBatch Load(string path);
}

using Surgewatch.Core.Series;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>
/// Turns a data file into one batch. The ingest comparison takes any loader, so that the bench-only loader
/// (<see cref="BenchOnlyLongCsvGzLoader"/>) can be swapped for the real reader of Surgewatch.Ingestion.
/// </summary>
public interface IObservationLoader
{
    /// <summary>A short name for the report.</summary>
    string Name { get; }

    /// <summary>Reads every row of <paramref name="path"/>.</summary>
    ObservationBatch Load(string path);
}

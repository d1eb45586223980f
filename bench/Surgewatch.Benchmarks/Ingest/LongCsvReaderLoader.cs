using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;

namespace Surgewatch.Benchmarks.Ingest;

/// <summary>The product's own long CSV reader (gzip detection, privacy guard, full validation) as the parse step.</summary>
public sealed class LongCsvReaderLoader : IObservationLoader
{
    public string Name => "Surgewatch.Ingestion LongCsvReader";

    public ObservationBatch Load(string path) => LongCsvReader.ReadFile(path);
}

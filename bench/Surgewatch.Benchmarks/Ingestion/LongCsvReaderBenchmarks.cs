using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Csv;

namespace Surgewatch.Benchmarks.Ingestion;

/// <summary>
/// The ingest hot path: a long CSV shaped like the Melbourne pedestrian file (35 sensors, hourly, about a
/// million rows), generated in memory so that the benchmark needs no data files.
/// </summary>
[MemoryDiagnoser]
public class LongCsvReaderBenchmarks
{
    private const int Sensors = 35;

    private byte[] _plain = [];
    private byte[] _gzip = [];

    /// <summary>Rows in the generated file.</summary>
    [Params(1_038_752)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var text = new StringBuilder(Rows * 28);
        text.Append("timestamp,sensor_id,count\n");
        var start = TimeLabel.FromDate(new DateOnly(2009, 5, 1));
        for (var row = 0; row < Rows; row++)
        {
            var label = start + TimeSpan.FromHours(row / Sensors);
            text.Append(label.ToString()).Append(',').Append((row % Sensors) + 1).Append(',').Append(random.Next(0, 5000)).Append('\n');
        }

        _plain = Encoding.UTF8.GetBytes(text.ToString());
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_plain);
        }

        _gzip = compressed.ToArray();
    }

    [Benchmark(Baseline = true)]
    public ObservationBatch Plain() => LongCsvReader.Read(new MemoryStream(_plain, writable: false), "counts.csv");

    [Benchmark]
    public ObservationBatch Gzip() => LongCsvReader.Read(new MemoryStream(_gzip, writable: false), "counts.csv.gz");
}

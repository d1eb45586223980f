using BenchmarkDotNet.Attributes;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.Benchmarks.Upsert;

/// <summary>
/// The store's bulk upsert at a size that runs in seconds: a synthetic batch of 20 hourly counters in time order
/// (as publishers send them) into a fresh file database, and the same batch again (nothing changes).
/// Each iteration needs a fresh database, so every iteration is one invocation.
/// </summary>
[Config(typeof(MonitoringConfig))]
[MemoryDiagnoser]
public class UpsertBenchmarks
{
    private const int Sensors = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "surgewatch-bdn", Guid.NewGuid().ToString("N"));
    private ObservationBatch _batch = new();
    private SqliteStore? _store;

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [Params(1, 256)]
    public int RowsPerStatement { get; set; }

    [GlobalSetup]
    public void BuildBatch()
    {
        _batch = new ObservationBatch(Rows);
        var start = TimeLabel.FromDate(new DateOnly(2024, 1, 1));
        var indexes = Enumerable.Range(0, Sensors).Select(s => _batch.InternSensor(new SensorId($"counter-{s:D2}"))).ToArray();
        for (var row = 0; row < Rows; row++)
        {
            var hour = row / Sensors;
            _batch.Add(indexes[row % Sensors], start + TimeSpan.FromHours(hour), (hour * 37 % 1000) + row % Sensors);
        }

        Directory.CreateDirectory(_folder);
    }

    [IterationSetup(Target = nameof(UpsertIntoEmptyStore))]
    public void OpenEmptyStore() => _store = OpenFresh();

    [IterationSetup(Target = nameof(UpsertUnchangedBatch))]
    public void OpenFilledStore()
    {
        _store = OpenFresh();
        _store.UpsertObservationsAsync(_batch).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void CloseStore() => _store?.Dispose();

    [GlobalCleanup]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public Task<IngestResult> UpsertIntoEmptyStore() => _store!.UpsertObservationsAsync(_batch);

    [Benchmark]
    public Task<IngestResult> UpsertUnchangedBatch() => _store!.UpsertObservationsAsync(_batch);

    private SqliteStore OpenFresh()
    {
        var path = Path.Combine(_folder, "upsert.db");
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return SqliteStore.Open(path, SqliteStoreOptions.Default with { RowsPerStatement = RowsPerStatement });
    }
}

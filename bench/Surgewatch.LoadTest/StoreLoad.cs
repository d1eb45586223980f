using System.Diagnostics;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite;

namespace Surgewatch.LoadTest;

/// <summary>The raw store side of the comparison: the same 1,000-reading batches upserted by concurrent writers, no HTTP.</summary>
internal static class StoreLoad
{
    public static async Task<int> RunAsync(string path, int writers, int batches)
    {
        using var store = SqliteStore.Open(path);
        var run = "r" + (Stopwatch.GetTimestamp() % 1_000_000) + "-";
        var data = new ObservationBatch[batches];
        Parallel.For(0, batches, b => data[b] = Batch(b, run));
        var latencies = new double[batches];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < batches)
            {
                var started = Stopwatch.GetTimestamp();
                await store.UpsertObservationsAsync(data[b]);
                latencies[b] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"store writers={writers} batches={batches}x{Bodies.PerBatch}: {batches * Bodies.PerBatch / seconds:N0} readings/s over {seconds:N2} s; " +
            $"latency ms p50={IngestLoad.P(latencies, 0.5):N1} p99={IngestLoad.P(latencies, 0.99):N1}");
        return 0;
    }

    private static ObservationBatch Batch(int batch, string prefix)
    {
        var result = new ObservationBatch(Bodies.PerBatch);
        var start = TimeLabel.FromDate(new DateOnly(2020, 1, 1));
        for (var i = 0; i < Bodies.PerBatch; i++)
        {
            var n = (batch * Bodies.PerBatch) + i;
            result.Add(result.InternSensor(new SensorId($"{prefix}{n % 200}")), start + TimeSpan.FromHours(n / 200), i);
        }

        return result;
    }
}

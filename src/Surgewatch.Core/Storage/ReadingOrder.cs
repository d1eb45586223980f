using System.Buffers;

namespace Surgewatch.Core.Storage;

/// <summary>
/// The order in which a batch's rows are written: by sensor key, then label, each (sensor, label) once with
/// the batch's last value for it. Writing in primary-key order appends to the B-tree instead of inserting
/// all over it (about twice as fast: InsertStrategyBenchmarks, docs/benchmarks.md). Batches usually arrive sorted by time, so a
/// stable counting sort by sensor gives the final order in O(n); a sensor whose labels are out of order
/// is sorted on its own. Shared by the store adapters, which all write a batch this way.
/// </summary>
public sealed class ReadingOrder : IDisposable
{
    private int[] _rows;

    private ReadingOrder(int[] rows, int count, long minLabel, long maxLabel)
    {
        _rows = rows;
        Count = count;
        MinLabel = minLabel;
        MaxLabel = maxLabel;
    }

    /// <summary>The rows to write, in key order, without superseded duplicates.</summary>
    public ReadOnlySpan<int> Rows => _rows.AsSpan(0, Count);

    /// <summary>The number of distinct (sensor, label) pairs.</summary>
    public int Count { get; }

    /// <summary>The earliest label of the batch.</summary>
    public long MinLabel { get; }

    /// <summary>The latest label of the batch.</summary>
    public long MaxLabel { get; }

    /// <summary>Orders rows whose sensor index is <paramref name="sensorOf"/> and label <paramref name="labels"/>; <paramref name="keyOf"/> maps a sensor index to its key.</summary>
    public static ReadingOrder Create(ReadOnlySpan<int> sensorOf, ReadOnlySpan<long> labels, ReadOnlySpan<long> keyOf)
    {
        var rows = ArrayPool<int>.Shared.Rent(Math.Max(sensorOf.Length, 1));
        var bucketStart = BucketByKey(sensorOf, keyOf, rows);
        long min = long.MaxValue, max = long.MinValue;
        for (var b = 0; b < bucketStart.Length - 1; b++)
        {
            var bucket = rows.AsSpan(bucketStart[b], bucketStart[b + 1] - bucketStart[b]);
            SortByLabel(bucket, labels);
            if (bucket.Length > 0)
            {
                min = Math.Min(min, labels[bucket[0]]);
                max = Math.Max(max, labels[bucket[^1]]);
            }
        }

        var count = DropSuperseded(rows.AsSpan(0, sensorOf.Length), sensorOf, labels);
        return new ReadingOrder(rows, count, min, max);
    }

    /// <summary>Returns the pooled row buffer.</summary>
    public void Dispose()
    {
        if (_rows.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_rows);
            _rows = [];
        }
    }

    /// <summary>Stable counting sort of row numbers by the rank of their sensor's key; returns each rank's first position (plus the end).</summary>
    private static int[] BucketByKey(ReadOnlySpan<int> sensorOf, ReadOnlySpan<long> keyOf, int[] rows)
    {
        var byKey = new int[keyOf.Length];
        for (var i = 0; i < byKey.Length; i++)
        {
            byKey[i] = i;
        }

        Array.Sort(keyOf.ToArray(), byKey);
        var rankOf = new int[keyOf.Length];
        for (var rank = 0; rank < byKey.Length; rank++)
        {
            rankOf[byKey[rank]] = rank;
        }

        var start = new int[keyOf.Length + 1];
        foreach (var s in sensorOf)
        {
            start[rankOf[s] + 1]++;
        }

        for (var r = 1; r < start.Length; r++)
        {
            start[r] += start[r - 1];
        }

        var next = start.AsSpan(0, keyOf.Length).ToArray();
        for (var row = 0; row < sensorOf.Length; row++)
        {
            rows[next[rankOf[sensorOf[row]]]++] = row;
        }

        return start;
    }

    /// <summary>Sorts one sensor's rows by label, keeping batch order among equal labels.</summary>
    private static void SortByLabel(Span<int> bucket, ReadOnlySpan<long> labels)
    {
        var sorted = true;
        for (var i = 1; i < bucket.Length && sorted; i++)
        {
            sorted = labels[bucket[i - 1]] <= labels[bucket[i]];
        }

        if (sorted)
        {
            return;
        }

        var keys = new long[bucket.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = labels[bucket[i]];
        }

        // Array.Sort is not stable; restore batch order within each run of equal labels so the last row wins.
        keys.AsSpan().Sort(bucket);
        for (int runStart = 0, i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[runStart])
            {
                bucket[runStart..i].Sort();
                runStart = i;
            }
        }
    }

    /// <summary>Removes every row followed by a row of the same sensor and label, compacting in place; returns the new length.</summary>
    private static int DropSuperseded(Span<int> rows, ReadOnlySpan<int> sensorOf, ReadOnlySpan<long> labels)
    {
        var kept = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (i + 1 < rows.Length && sensorOf[rows[i + 1]] == sensorOf[row] && labels[rows[i + 1]] == labels[row])
            {
                continue;
            }

            rows[kept++] = row;
        }

        return kept;
    }
}

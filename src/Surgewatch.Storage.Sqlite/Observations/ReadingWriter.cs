using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Surgewatch.Core.Series;
using Surgewatch.Core.Storage;

namespace Surgewatch.Storage.Sqlite.Observations;

/// <summary>
/// The bulk-ingest hot path. It binds rows straight through SQLite's C API (the connection's handle) into one
/// prepared multi-row upsert reused for the whole batch: ADO.NET parameters box every value and look each
/// parameter up by name, which measured 3–8× slower (InsertStrategyBenchmarks, docs/benchmarks.md). The statement only changes a stored
/// row when its value differs, so <c>sqlite3_changes</c> counts exactly the rows that were new or changed.
/// </summary>
internal static class ReadingWriter
{
    /// <summary>Writes the rows of <paramref name="order"/> inside the connection's open transaction; returns the rows new or changed.</summary>
    /// <remarks>
    /// With <paramref name="statements"/> (the connection's cache) the statements are reused and stay prepared;
    /// without, each is prepared for this call and finalised after it.
    /// </remarks>
    public static long Write(
        SqliteConnection connection,
        ObservationBatch batch,
        ReadingOrder order,
        long[] keyOf,
        SqliteStoreOptions options,
        UpsertStatements? statements,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rows = order.Rows;
        var perStatement = Math.Min(options.RowsPerStatement, rows.Length);
        var source = new Source(batch, keyOf);
        long written = 0;
        var done = 0;
        var nextReport = options.ProgressInterval;
        var statement = statements?.For(perStatement) ?? UpsertStatements.Prepare(db, perStatement);
        try
        {
            while (rows.Length - done >= perStatement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                written += Run(db, statement, rows.Slice(done, perStatement), source);
                done += perStatement;
                if (done >= nextReport && done < rows.Length)
                {
                    progress?.Report(done);
                    nextReport += options.ProgressInterval;
                }
            }
        }
        finally
        {
            if (statements is null)
            {
                statement.Dispose();
            }
        }

        if (done < rows.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tail = statements?.For(rows.Length - done) ?? UpsertStatements.Prepare(db, rows.Length - done);
            try
            {
                written += Run(db, tail, rows[done..], source);
            }
            finally
            {
                if (statements is null)
                {
                    tail.Dispose();
                }
            }
        }

        progress?.Report(rows.Length);
        return written;
    }

    /// <summary>The multi-row upsert for <paramref name="rowCount"/> rows.</summary>
    internal static string UpsertSql(int rowCount)
    {
        var sql = new StringBuilder("INSERT INTO readings (sensor, label, value) VALUES ", 64 + (rowCount * 8) + 140);
        for (var i = 0; i < rowCount; i++)
        {
            sql.Append(i == 0 ? "(?,?,?)" : ",(?,?,?)");
        }

        sql.Append(" ON CONFLICT (sensor, label) DO UPDATE SET value = excluded.value WHERE readings.value IS NOT excluded.value");
        return sql.ToString();
    }

    private static int Run(sqlite3 db, sqlite3_stmt statement, ReadOnlySpan<int> rows, in Source source)
    {
        var sensorOf = source.Batch.SensorIndexes;
        var labels = source.Batch.TimeSeconds;
        var values = source.Batch.Values;
        var keyOf = source.KeyOf;
        var bound = raw.SQLITE_OK;
        var parameter = 1;
        foreach (var row in rows)
        {
            bound |= raw.sqlite3_bind_int64(statement, parameter++, keyOf[sensorOf[row]]);
            bound |= raw.sqlite3_bind_int64(statement, parameter++, labels[row]);
            bound |= raw.sqlite3_bind_double(statement, parameter++, values[row]);
        }

        var rc = bound == raw.SQLITE_OK ? raw.sqlite3_step(statement) : bound;
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return raw.sqlite3_changes(db);
    }

    private readonly record struct Source(ObservationBatch Batch, long[] KeyOf);
}

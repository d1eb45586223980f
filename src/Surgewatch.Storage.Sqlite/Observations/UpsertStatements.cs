using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Surgewatch.Storage.Sqlite.Observations;

/// <summary>
/// Prepared multi-row upserts of one connection, by row count, kept across batches: preparing a statement of a few
/// hundred rows parses its SQL each time, which the ingest hot path measured as a visible share of its CPU. A full
/// statement (<see cref="SqliteStoreOptions.RowsPerStatement"/> rows) and the few tail sizes that recur are kept;
/// when more sizes turn up than <see cref="MaxKept"/>, the cache starts over.
/// </summary>
internal sealed class UpsertStatements(sqlite3 db) : IDisposable
{
    private const int MaxKept = 16;
    private readonly Dictionary<int, sqlite3_stmt> _byRowCount = [];

    /// <summary>The statement for <paramref name="rowCount"/> rows, prepared on first use.</summary>
    public sqlite3_stmt For(int rowCount)
    {
        if (_byRowCount.TryGetValue(rowCount, out var statement))
        {
            return statement;
        }

        if (_byRowCount.Count >= MaxKept)
        {
            Clear();
        }

        statement = Prepare(db, rowCount);
        _byRowCount.Add(rowCount, statement);
        return statement;
    }

    public void Dispose() => Clear();

    /// <summary>Prepares the upsert of <paramref name="rowCount"/> rows; the caller disposes it.</summary>
    public static sqlite3_stmt Prepare(sqlite3 db, int rowCount)
    {
        var rc = raw.sqlite3_prepare_v2(db, ReadingWriter.UpsertSql(rowCount), out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        return statement;
    }

    private void Clear()
    {
        foreach (var statement in _byRowCount.Values)
        {
            statement.Dispose();
        }

        _byRowCount.Clear();
    }
}

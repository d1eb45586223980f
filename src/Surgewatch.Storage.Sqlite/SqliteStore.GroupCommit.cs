using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Surgewatch.Core.Series;
using Surgewatch.Storage.Sqlite.Observations;

namespace Surgewatch.Storage.Sqlite;

/// <summary>
/// Group commit: batches that arrive while another write runs are queued, and whoever next holds the write lock
/// writes every queued batch in one transaction, each inside its own savepoint. A batch that fails is rolled back to
/// its savepoint and fails alone (nothing of it is stored); the others commit together, and every caller's task
/// completes only after that commit, so each call keeps its own atomicity and durability while many concurrent
/// requests share one commit.
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>Rows one group transaction takes at most; the rest waits for the next group.</summary>
    private const long MaxGroupRows = 200_000;

    private readonly ConcurrentQueue<PendingUpsert> _pendingUpserts = new();

    /// <summary>The group writers' own connection and prepared statements, kept open between groups; guarded by the write lock.</summary>
    private GroupConnection? _groupConnection;

    private async Task<IngestResult> GroupUpsertAsync(ObservationBatch batch, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var pending = new PendingUpsert(batch, cancellationToken);
        _pendingUpserts.Enqueue(pending);
        // Not cancellable: once queued, the batch is either written or refused by a group writer, so a caller that
        // sees a cancellation knows nothing of its batch was stored. A cancelled batch is skipped by the group.
        await _writeLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            while (!pending.Done.Task.IsCompleted)
            {
                WriteGroup();
            }
        }
        finally
        {
            _writeLock.Release();
        }

        return await pending.Done.Task.ConfigureAwait(false);
    }

    private void WriteGroup()
    {
        var group = new List<PendingUpsert>();
        long rows = 0;
        while (rows < MaxGroupRows && _pendingUpserts.TryDequeue(out var next))
        {
            group.Add(next);
            rows += next.Batch.Count;
        }

        if (group.Count == 0)
        {
            return;
        }

        var results = new IngestResult[group.Count];
        var errors = new Exception?[group.Count];
        var learned = new List<KeyValuePair<SensorId, long>>();
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var writer = _groupConnection ??= new GroupConnection(_connections.Open());
            using var transaction = writer.Connection.BeginTransaction();
            for (var i = 0; i < group.Count; i++)
            {
                errors[i] = WriteOne(writer, transaction, group[i], learned, out results[i]);
            }

            transaction.Commit();
            NoteCommit();
            _sensorKeys.Remember(learned);
        }
        catch (Exception e)
        {
            // The commit (or the transaction itself) failed: nothing of the group is stored. The next group starts
            // on a fresh connection, in case this one is what failed.
            Array.Fill(errors, e);
            CloseGroupConnection();
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Complete(results[i], errors[i]);
        }
    }

    private void CloseGroupConnection()
    {
        _groupConnection?.Dispose();
        _groupConnection = null;
    }

    private Exception? WriteOne(GroupConnection writer, SqliteTransaction transaction, PendingUpsert pending, List<KeyValuePair<SensorId, long>> learned, out IngestResult result)
    {
        var learnedBefore = learned.Count;
        result = default;
        if (pending.CancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(pending.CancellationToken);
        }

        const string Savepoint = "batch";
        transaction.Save(Savepoint);
        try
        {
            result = ObservationTable.UpsertWithin(writer.Connection, transaction, pending.Batch, _options, _sensorKeys, learned, writer.Statements, null, pending.CancellationToken);
            transaction.Release(Savepoint);
            return null;
        }
        catch (Exception e) when (e is SqliteException or OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            // The sensors this batch added are rolled back with it: forget their keys.
            learned.RemoveRange(learnedBefore, learned.Count - learnedBefore);
            transaction.Rollback(Savepoint);
            transaction.Release(Savepoint);
            return e;
        }
    }

    private sealed class GroupConnection(SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection { get; } = connection;

        public UpsertStatements Statements { get; } = new(connection.Handle!);

        public void Dispose()
        {
            // Statements first: a connection closes only once its statements are finalised.
            Statements.Dispose();
            Connection.Dispose();
        }
    }

    private sealed class PendingUpsert(ObservationBatch batch, CancellationToken cancellationToken)
    {
        public ObservationBatch Batch { get; } = batch;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<IngestResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(IngestResult result, Exception? error)
        {
            if (error is OperationCanceledException)
            {
                Done.TrySetCanceled(CancellationToken);
            }
            else if (error is not null)
            {
                Done.TrySetException(error);
            }
            else
            {
                Done.TrySetResult(result);
            }
        }
    }
}

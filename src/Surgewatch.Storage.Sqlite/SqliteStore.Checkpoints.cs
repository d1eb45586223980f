using Microsoft.Data.Sqlite;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite;

/// <summary>
/// Background checkpoints: every <see cref="SqliteStoreOptions.CheckpointInterval"/>, when ingests committed since the last one, a passive checkpoint copies
/// the write-ahead log back into the database on its own connection. Left to the commits (SQLite's auto-checkpoint),
/// the copy and its syncs run inside whichever ingest commits past the threshold, stalling that request; a passive
/// checkpoint runs beside the writers without blocking them. The auto-checkpoint (<see cref="SqliteStoreOptions.CheckpointPages"/>)
/// stays as the backstop.
/// </summary>
public sealed partial class SqliteStore
{
    private readonly object _checkpointGate = new();
    private ITimer? _checkpointTimer;
    private int _commitsSinceCheckpoint;
    private bool _checkpointsStopped;

    private void StartCheckpoints()
    {
        if (!_connections.IsMemory)
        {
            _checkpointTimer = _options.TimeProvider.CreateTimer(_ => Checkpoint(), null, _options.CheckpointInterval, _options.CheckpointInterval);
        }
    }

    /// <summary>Notes a committed ingest, so that the next tick checkpoints.</summary>
    private void NoteCommit() => Interlocked.Increment(ref _commitsSinceCheckpoint);

    private void Checkpoint()
    {
        // A tick that finds the previous checkpoint still running skips: its commits stay counted for the next tick,
        // and ticks do not pile up behind a slow sync.
        if (!Monitor.TryEnter(_checkpointGate))
        {
            return;
        }

        try
        {
            if (_checkpointsStopped || Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
            {
                return;
            }

            using var connection = _connections.Open();
            Sql.Execute(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException)
        {
            // A passive checkpoint that cannot run now (the file is busy or briefly unavailable) is retried at the
            // next tick, and the commits' own auto-checkpoint still bounds the log meanwhile.
            Interlocked.Increment(ref _commitsSinceCheckpoint);
        }
        finally
        {
            Monitor.Exit(_checkpointGate);
        }
    }

    /// <summary>Stops the ticks and waits for a checkpoint in progress, before the connections close.</summary>
    private void StopCheckpoints()
    {
        lock (_checkpointGate)
        {
            _checkpointsStopped = true;
        }

        _checkpointTimer?.Dispose();
    }
}

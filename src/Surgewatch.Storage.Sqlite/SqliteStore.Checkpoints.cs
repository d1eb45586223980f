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
    /// <summary>How long a tick waits for the write lock to finish a checkpoint that writers kept from completing.</summary>
    private static readonly TimeSpan CatchUpWait = TimeSpan.FromMilliseconds(50);
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
            var (log, copied) = PassiveCheckpoint(connection);
            if (copied < log && log >= _options.CheckpointPages / 2 && _writeLock.Wait(CatchUpWait))
            {
                // Ingests kept appending while the log was copied, so it never empties and would grow until a commit
                // checkpoints inline. With this process's writers held off, the few frames left are copied (most of
                // the log was copied and synced just before, so this takes milliseconds) and the next commit starts
                // the log again from its beginning.
                try
                {
                    PassiveCheckpoint(connection);
                }
                finally
                {
                    _writeLock.Release();
                }
            }
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

    /// <summary>Runs a passive checkpoint and returns the frames in the log and how many of them are now in the database.</summary>
    private static (long Log, long Copied) PassiveCheckpoint(SqliteConnection connection)
    {
        using var command = Sql.Command(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(1), reader.GetInt64(2)) : (0, 0);
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

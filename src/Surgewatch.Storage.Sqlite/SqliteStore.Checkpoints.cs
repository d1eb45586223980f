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
            var log = PassiveCheckpoint(connection);
            if (log >= _options.CheckpointPages / 2 && _writeLock.Wait(CatchUpWait))
            {
                // A sustained ingest appends while the log is copied, so the log is never wholly copied when the next
                // commit starts and it grows until a commit checkpoints it inline, syncing and copying the whole log
                // inside a request. Once it is half that size, this process's writers are held off while the frames
                // appended meanwhile are copied (the rest was copied and synced just before), and the next commit
                // starts the log again from its beginning.
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

    /// <summary>Runs a passive checkpoint and returns the number of frames the log held when it started.</summary>
    private static long PassiveCheckpoint(SqliteConnection connection)
    {
        using var command = Sql.Command(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
        using var reader = command.ExecuteReader();
        return reader.Read() ? reader.GetInt64(1) : 0;
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

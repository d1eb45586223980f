using Microsoft.Data.Sqlite;
using Surgewatch.Storage.Sqlite.Connections;

namespace Surgewatch.Storage.Sqlite;

/// <summary>
/// Background checkpoints: once a second, when ingests committed since the last one, a passive checkpoint copies
/// the write-ahead log back into the database on its own connection. Left to the commits (SQLite's auto-checkpoint),
/// the copy and its syncs run inside whichever ingest commits past the threshold, stalling that request; a passive
/// checkpoint runs beside the writers without blocking them. The auto-checkpoint (<see cref="SqliteStoreOptions.CheckpointPages"/>)
/// stays as the backstop.
/// </summary>
public sealed partial class SqliteStore
{
    private static readonly TimeSpan CheckpointPeriod = TimeSpan.FromSeconds(1);
    private readonly object _checkpointGate = new();
    private ITimer? _checkpointTimer;
    private int _commitsSinceCheckpoint;
    private bool _checkpointsStopped;

    private void StartCheckpoints()
    {
        if (!_connections.IsMemory)
        {
            _checkpointTimer = _options.TimeProvider.CreateTimer(_ => Checkpoint(), null, CheckpointPeriod, CheckpointPeriod);
        }
    }

    /// <summary>Notes a committed ingest, so that the next tick checkpoints.</summary>
    private void NoteCommit() => Interlocked.Increment(ref _commitsSinceCheckpoint);

    private void Checkpoint()
    {
        lock (_checkpointGate)
        {
            if (_checkpointsStopped || Interlocked.Exchange(ref _commitsSinceCheckpoint, 0) == 0)
            {
                return;
            }

            try
            {
                using var connection = _connections.Open();
                Sql.Execute(connection, null, "PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // A passive checkpoint that cannot run now (the file is busy or briefly unavailable) is retried at the
                // next commit's tick, and the commits' own auto-checkpoint still bounds the log meanwhile.
                Interlocked.Increment(ref _commitsSinceCheckpoint);
            }
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

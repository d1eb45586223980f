using Surgewatch.Core.Series;

namespace Surgewatch.Storage.Sqlite;

/// <summary>How SQLite makes a commit durable (the <c>synchronous</c> pragma).</summary>
public enum SqliteDurability
{
    /// <summary>
    /// <c>synchronous=NORMAL</c>: under WAL a commit is not synced until the next checkpoint. A power loss can
    /// lose the last commits but never corrupts the file. The default: ingests are idempotent and can be replayed.
    /// </summary>
    Normal = 1,

    /// <summary><c>synchronous=FULL</c>: every commit is synced to disk before it returns.</summary>
    Full = 2,
}

/// <summary>Settings of a <see cref="SqliteStore"/>. The defaults suit a single-node deployment.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The largest number of rows one bulk INSERT statement carries (each row binds three parameters).</summary>
    public const int MaxRowsPerStatement = 10_000;

    /// <summary>The defaults.</summary>
    public static SqliteStoreOptions Default { get; } = new();

    /// <summary>How commits are made durable. Default <see cref="SqliteDurability.Normal"/>.</summary>
    public SqliteDurability Durability { get; init; } = SqliteDurability.Normal;

    /// <summary>The page cache of each connection, in KiB (the <c>cache_size</c> pragma). Default 64 MiB.</summary>
    public int CacheSizeKiB { get; init; } = 64 * 1024;

    /// <summary>How long a write waits for another process's write lock before failing. Default 30 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many pages the write-ahead log may hold before a commit copies it back into the database (the
    /// <c>wal_autocheckpoint</c> pragma). Default 10,000 (about 40 MiB): SQLite's 1,000 made an ingest of a few
    /// hundred sensors checkpoint every few commits, rewriting the same pages and syncing each time; a larger log
    /// checkpoints ten times less often. Under <see cref="SqliteDurability.Normal"/> the log is synced at
    /// checkpoints, so this is also about how much a power loss can take back.
    /// </summary>
    public int CheckpointPages { get; init; } = 10_000;

    /// <summary>
    /// How often a background passive checkpoint copies the write-ahead log back into the database while commits
    /// arrive. Default 100 ms: a sustained ingest writes tens of MiB of log a second, and a log that reaches
    /// <see cref="CheckpointPages"/> between two ticks makes the commit that crosses it checkpoint inline (syncing and
    /// copying the whole log inside an ingest request); frequent small passive checkpoints keep the log short so that
    /// never happens. Each checkpoint syncs the log and the database once.
    /// </summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rows per bulk INSERT statement. Measured best between 100 and 500 (docs/benchmarks.md). Default 256.</summary>
    public int RowsPerStatement { get; init; } = 256;

    /// <summary>How many rows an ingest writes between two progress reports. Default 65,536.</summary>
    public int ProgressInterval { get; init; } = 65_536;

    /// <summary>The kind given to a sensor that an ingest creates because it was not yet known.</summary>
    public SensorKind DefaultSensorKind { get; init; } = SensorKind.PedestrianCount;

    /// <summary>The step given to a sensor that an ingest creates because it was not yet known. Default an hour.</summary>
    public TimeSpan DefaultSensorStep { get; init; } = Sensor.Hourly;

    /// <summary>The clock that stamps the ingest log and the schema history. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Durability))
        {
            throw new ArgumentOutOfRangeException(nameof(Durability), Durability, "Choose Normal or Full.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CacheSizeKiB, 64, nameof(CacheSizeKiB));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointPages, 1, nameof(CheckpointPages));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(CheckpointInterval, TimeSpan.Zero, nameof(CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(RowsPerStatement, 1, nameof(RowsPerStatement));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RowsPerStatement, MaxRowsPerStatement, nameof(RowsPerStatement));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProgressInterval, 1, nameof(ProgressInterval));
        if (!Enum.IsDefined(DefaultSensorKind))
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultSensorKind), DefaultSensorKind, "Not a known sensor kind.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        _ = Core.Calendar.SlotCalendar.StepSeconds(DefaultSensorStep);
    }
}

using Surgewatch.Storage.Sqlite;
using Surgewatch.Storage.Specification.Builders;

namespace Surgewatch.Storage.Sqlite.Tests;

// Ingests do not copy the write-ahead log back themselves (below the auto-checkpoint); a background tick does, and
// finishes the copy with this store's writers held off once the log passes half the auto-checkpoint size.
public sealed partial class SqliteStoreTests
{
    [Fact]
    public async Task UpsertObservationsAsync_ThenACheckpointTick_CopiesTheLogIntoTheDatabaseFile()
    {
        var clock = new ManualTimers();
        var store = _stores.Open(options: SqliteStores.TestOptions with { TimeProvider = clock });
        await store.UpsertObservationsAsync(Rows.Grid(20, 400, (s, h) => s + h));
        var before = new FileInfo(_stores.DefaultPath).Length;

        clock.Tick();

        new FileInfo(_stores.DefaultPath).Length.Should().BeGreaterThan(before);
    }

    [Fact]
    public void Tick_NothingCommitted_LeavesTheDatabaseFileAlone()
    {
        var clock = new ManualTimers();
        _stores.Open(options: SqliteStores.TestOptions with { TimeProvider = clock });
        var before = new FileInfo(_stores.DefaultPath).Length;

        clock.Tick();

        new FileInfo(_stores.DefaultPath).Length.Should().Be(before);
    }

    [Fact]
    public async Task Tick_LogPastHalfTheCheckpointSizeWhileWritersRun_HoldsThemOffAndLosesNothing()
    {
        // A tiny checkpoint size makes every tick finish its checkpoint under the write lock, racing the writers.
        var clock = new ManualTimers();
        var store = _stores.Open(options: SqliteStores.TestOptions with { TimeProvider = clock, CheckpointPages = 4 });
        var batches = Enumerable.Range(0, 24).Select(i => Rows.Grid(6, 30, (s, h) => i + s + h, firstHour: i * 30)).ToArray();

        var writes = Task.WhenAll(batches.Select(b => Task.Run(() => store.UpsertObservationsAsync(b))));
        var ticks = Task.Run(async () =>
        {
            while (!writes.IsCompleted)
            {
                clock.Tick();
                await Task.Yield();
            }
        });
        await writes;
        await ticks;

        (await store.CountObservationsAsync()).Should().Be(24 * 6 * 30);
    }

    [Fact]
    public void Open_CheckpointIntervalNotPositive_ThrowsNamingTheSetting()
    {
        var options = SqliteStores.TestOptions with { CheckpointInterval = TimeSpan.Zero };

        var act = () => SqliteStore.Open(_stores.DefaultPath, options);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(nameof(SqliteStoreOptions.CheckpointInterval));
    }

    /// <summary>A clock whose timers fire only when told to.</summary>
    private sealed class ManualTimers : TimeProvider
    {
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _timers.Add((callback, state));
            return new NeverTimer();
        }

        public void Tick()
        {
            foreach (var (callback, state) in _timers)
            {
                callback(state);
            }
        }

        private sealed class NeverTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

using Surgewatch.Storage.Specification.Tests.Builders;

namespace Surgewatch.Storage.Specification.Tests.Sqlite;

// Ingests do not copy the write-ahead log back themselves (below the auto-checkpoint); a background tick does.
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

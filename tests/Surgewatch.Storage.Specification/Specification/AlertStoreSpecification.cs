using Surgewatch.Core.Alerting;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>What every <see cref="IAlertStore"/> adapter must do; derive and supply <see cref="CreateStore"/>.</summary>
public abstract class AlertStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private IAlertStore? _store;

    protected IAlertStore Store => _store ??= CreateStore();

    /// <summary>Creates a new, empty store.</summary>
    protected abstract IAlertStore CreateStore();

    [StoreFact]
    public async Task ListAlertEventsAsync_EventsAppendedOutOfTimeOrder_ComeBackOldestFirst()
    {
        await Store.AppendAlertEventsAsync([Event("a", 30, AlertState.Firing), Event("a", 0, AlertState.Pending)]);
        await Store.AppendAlertEventsAsync([Event("b", 10, AlertState.Pending)]);

        var events = await Store.ListAlertEventsAsync(DateTimeOffset.MinValue, 100);

        events.Select(e => (e.AlertKey, e.At)).Should().Equal(("a", T0), ("b", T0.AddMinutes(10)), ("a", T0.AddMinutes(30)));
    }

    [StoreFact]
    public async Task ListAlertEventsAsync_SameInstant_KeepsTheOrderOfAppending()
    {
        await Store.AppendAlertEventsAsync([Event("a", 5, AlertState.Firing, note: "first"), Event("a", 5, AlertState.Firing, note: "second")]);
        await Store.AppendAlertEventsAsync([Event("a", 5, AlertState.Firing, note: "third")]);

        var events = await Store.ListAlertEventsAsync(T0, 10);

        events.Select(e => e.Note).Should().Equal("first", "second", "third");
    }

    [StoreFact]
    public async Task ListAlertEventsAsync_Since_IncludesEventsAtThatInstant()
    {
        await Store.AppendAlertEventsAsync([Event("a", 0, AlertState.Pending), Event("a", 10, AlertState.Firing), Event("a", 20, AlertState.Resolved)]);

        var events = await Store.ListAlertEventsAsync(T0.AddMinutes(10), 10);

        events.Select(e => e.State).Should().Equal(AlertState.Firing, AlertState.Resolved);
    }

    [StoreFact]
    public async Task ListAlertEventsAsync_Limit_ReturnsTheOldestEventsUpToIt()
    {
        await Store.AppendAlertEventsAsync(Enumerable.Range(0, 10).Select(i => Event($"k{i}", i, AlertState.Pending)).ToList());

        var events = await Store.ListAlertEventsAsync(T0.AddMinutes(2), 3);
        var none = await Store.ListAlertEventsAsync(T0, 0);

        events.Select(e => e.AlertKey).Should().Equal("k2", "k3", "k4");
        none.Should().BeEmpty();
    }

    [StoreFact]
    public async Task ListAlertEventsAsync_AllFields_RoundTripAsTheSameInstantsAndValues()
    {
        var inMelbourne = new DateTimeOffset(2024, 3, 1, 20, 0, 0, TimeSpan.FromHours(11));
        var full = new AlertEvent("bridge/surge", "surge", "zone:bridge", AlertState.Firing, inMelbourne, 1234.5, "operator-7", "acknowledged by phone");
        var bare = new AlertEvent("bridge/surge", "surge", "zone:bridge", AlertState.NoData, inMelbourne.AddTicks(1));
        await Store.AppendAlertEventsAsync([full, bare]);

        var events = await Store.ListAlertEventsAsync(inMelbourne, 10);

        events.Should().Equal(full, bare);
        events[0].At.UtcDateTime.Should().Be(new DateTime(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc));
    }

    [StoreFact]
    public async Task ListAlertEventsAsync_NegativeLimit_Throws()
    {
        var act = () => Store.ListAlertEventsAsync(T0, -1);

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    private static AlertEvent Event(string key, int minute, AlertState state, string? note = null) =>
        new(key, "surge", $"zone:{key}", state, T0.AddMinutes(minute), minute, Note: note);
}

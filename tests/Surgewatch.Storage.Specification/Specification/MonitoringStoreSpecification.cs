using Surgewatch.Core.Alerting;
using Surgewatch.Core.Audit;
using Surgewatch.Core.Monitoring;
using Surgewatch.Storage.Specification.Requirements;

namespace Surgewatch.Storage.Specification;

/// <summary>
/// What every adapter of the monitoring ports must do (<see cref="IAlertSnapshotStore"/>, <see cref="ISilenceStore"/>,
/// <see cref="INotificationLog"/>, <see cref="IAuditLog"/>); derive and supply <see cref="CreateStore"/>.
/// </summary>
public abstract partial class MonitoringStoreSpecification
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private object? _store;

    /// <summary>Creates a new, empty store implementing all four ports.</summary>
    protected abstract object CreateStore();

    private object Store => _store ??= CreateStore();

    private IAlertSnapshotStore Snapshots => (IAlertSnapshotStore)Store;

    private ISilenceStore Silences => (ISilenceStore)Store;

    private INotificationLog Deliveries => (INotificationLog)Store;

    private IAuditLog Audit => (IAuditLog)Store;

    [StoreFact]
    public async Task LoadAlertSnapshotsAsync_AfterReplace_ReturnsEveryFieldIntact()
    {
        var firing = new AlertStatus("density-alarm/z1", "density-alarm", "z1", AlertState.NoData, T0, T0.AddMinutes(3), 4.25,
            new OperatorAction("op-1", T0.AddMinutes(2)), FiringBeforeNoData: true);
        var ledger = new NotificationLedger(NotificationKind.Firing, T0.AddMinutes(1), T0, 2, Owed: true);
        var quiet = AlertStatus.New("density-warning", "z1", T0);

        await Snapshots.ReplaceAlertSnapshotsAsync([new AlertSnapshot(quiet, NotificationLedger.Empty), new AlertSnapshot(firing, ledger)]);
        var loaded = await Snapshots.LoadAlertSnapshotsAsync();

        loaded.Should().BeEquivalentTo([new AlertSnapshot(firing, ledger), new AlertSnapshot(quiet, NotificationLedger.Empty)], o => o.WithStrictOrdering());
    }

    [StoreFact]
    public async Task ReplaceAlertSnapshotsAsync_Twice_KeepsOnlyTheSecondSet()
    {
        await Snapshots.ReplaceAlertSnapshotsAsync([new AlertSnapshot(AlertStatus.New("a", "z", T0), NotificationLedger.Empty)]);
        await Snapshots.ReplaceAlertSnapshotsAsync([new AlertSnapshot(AlertStatus.New("b", "z", T0), NotificationLedger.Empty)]);

        (await Snapshots.LoadAlertSnapshotsAsync()).Select(s => s.Status.RuleId).Should().Equal("b");
    }

    [StoreFact]
    public async Task ReplaceAlertSnapshotsOfAsync_SomeSubjects_ReplacesOnlyTheirs()
    {
        await Snapshots.ReplaceAlertSnapshotsAsync(
        [
            new AlertSnapshot(AlertStatus.New("a", "z1", T0), NotificationLedger.Empty),
            new AlertSnapshot(AlertStatus.New("a", "z2", T0), NotificationLedger.Empty),
            new AlertSnapshot(AlertStatus.New("a", "z3", T0), NotificationLedger.Empty),
        ]);

        await Snapshots.ReplaceAlertSnapshotsOfAsync(["z1", "z2"], [new AlertSnapshot(AlertStatus.New("b", "z1", T0), NotificationLedger.Empty)]);

        (await Snapshots.LoadAlertSnapshotsAsync()).Select(s => s.Status.Key).Should().Equal("a/z3", "b/z1");
    }

    [StoreFact]
    public async Task ReplaceAlertSnapshotsOfAsync_SnapshotOutsideTheSubjects_Throws()
    {
        var act = () => Snapshots.ReplaceAlertSnapshotsOfAsync(["z1"], [new AlertSnapshot(AlertStatus.New("a", "z2", T0), NotificationLedger.Empty)]);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [StoreFact]
    public async Task ListSilencesAsync_OneOffAndRecurring_RoundTripWithIds()
    {
        var oneOff = new Silence(new AlertMatcher("density-warning", "z1"), T0, T0.AddHours(2), "op-1");
        var nightly = new RecurringSilence(new AlertMatcher(Subject: "z2"), TimeZoneInfo.Utc, new TimeOnly(2, 0), new TimeOnly(4, 30), "op-2");

        var a = await Silences.AddSilenceAsync(oneOff, "works", T0);
        var b = await Silences.AddSilenceAsync(nightly, "maintenance", T0.AddMinutes(1));
        var listed = await Silences.ListSilencesAsync();

        b.Id.Should().NotBe(a.Id);
        listed.Should().HaveCount(2);
        listed[0].Should().BeEquivalentTo(a);
        listed[1].Silence.Should().BeOfType<RecurringSilence>().Which.Should().BeEquivalentTo(nightly, o => o.Excluding(s => s.Zone));
        ((RecurringSilence)listed[1].Silence).Zone.Id.Should().Be(TimeZoneInfo.Utc.Id);
        listed[1].Comment.Should().Be("maintenance");
    }

    [StoreFact]
    public async Task DeleteSilenceAsync_ExistingAndMissing_ReportsWhetherItDeleted()
    {
        var entry = await Silences.AddSilenceAsync(new Silence(AlertMatcher.Any, T0, T0.AddHours(1), "op"), "", T0);

        (await Silences.DeleteSilenceAsync(entry.Id)).Should().BeTrue();
        (await Silences.DeleteSilenceAsync(entry.Id)).Should().BeFalse();
        (await Silences.ListSilencesAsync()).Should().BeEmpty();
    }

    [StoreFact]
    public async Task AddSilenceAsync_AfterTheNewestWasDeleted_NeverReusesItsId()
    {
        var first = await Silences.AddSilenceAsync(new Silence(AlertMatcher.Any, T0, T0.AddHours(1), "op"), "", T0);
        await Silences.DeleteSilenceAsync(first.Id);

        var second = await Silences.AddSilenceAsync(new Silence(AlertMatcher.Any, T0, T0.AddHours(1), "op"), "", T0);

        second.Id.Should().BeGreaterThan(first.Id);
    }
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Cluster;
using Surgewatch.Core.Live;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Alerting;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Live;

public class LiveLoopTest
{
    private static readonly SensorId GateIn = new("gate-in");
    private static readonly SensorId GateOut = new("gate-out");
    private static readonly NotificationPolicy Duty = NotificationPolicy.For(
        new EscalationStep("duty", TimeSpan.Zero), new EscalationStep("supervisor", TimeSpan.FromMinutes(10))).Validated();

    // A square watched by a camera whose density ramps from 2 to 6 persons/m² over three hours (warnings, forecast
    // alarms, escalation), and a gate counted only by lines in and out, whose occupancy lives in its line balance.
    private static readonly Zone SquareZone = ZoneWith(null, Source(Cam, ZoneSourceRole.Occupancy));
    private static readonly Zone GateZone = Zone.Create(new ZoneId("gate"), "Gate", SquareZone.Polygon, areaSquareMetres: 1000, widthMetres: 10,
        sources: [Source(GateIn, ZoneSourceRole.LineIn), Source(GateOut, ZoneSourceRole.LineOut)]);
    private static readonly double[] Ramp = Synthetic.Ramp(180, 2, 6, noise: 0.15, seed: 7);

    [Fact]
    public void Step_RestoredFromSnapshotMidSurge_ContinuesExactlyAsWithoutTheBreak()
    {
        var whole = new Run();
        var before = new Run();
        var wholeSteps = whole.StepTo(180);
        before.StepTo(75);
        whole.Loop.Act(Firing(whole.Loop), "duty-officer", resolve: false, Minute(75));
        before.Loop.Act(Firing(before.Loop), "duty-officer", resolve: false, Minute(75));
        before.StepTo(90, from: 76);

        var after = new Run(readingsUpTo: 90);
        var saved = before.Loop.Snapshot();
        after.Loop.Restore(saved, Minute(90));
        var afterSteps = after.StepTo(180, from: 91);

        saved.Balances.Should().ContainSingle(b => b.Zone == GateZone.Id, "the gate's occupancy is its line balance");
        saved.Densities.Should().HaveCount(2);
        afterSteps.Should().BeEquivalentTo(wholeSteps.Skip(90), o => o.WithStrictOrdering(), "a restored loop gives what the loop would have given");
        afterSteps.SelectMany(s => s.Events).Should().NotBeEmpty("the surge goes on after the break");
        after.Loop.Alerts.Where(a => a.Status.Acknowledged != null && a.Status.Acknowledged.Actor == "duty-officer").Should().NotBeEmpty("an acknowledgement survives the break");
    }

    [Fact]
    public void Step_RestoredWithoutBalancesAndDensities_DiffersFromTheUninterruptedLoop()
    {
        // The control for the test above: the snapshot's balances and densities are what makes the restored loop equal.
        var whole = new Run();
        var wholeSteps = whole.StepTo(180);
        var before = new Run();
        before.StepTo(90);
        var after = new Run(readingsUpTo: 90);
        after.Loop.Restore(before.Loop.Snapshot() with { Balances = [], Densities = [] }, Minute(90));

        var afterSteps = after.StepTo(180, from: 91);

        var gate = afterSteps[0].Zones.Single(z => z.Zone == GateZone.Id);
        gate.Occupancy.Persons.Should().NotBe(wholeSteps[90].Zones.Single(z => z.Zone == GateZone.Id).Occupancy.Persons);
        afterSteps[0].Zones.Single(z => z.Zone == SquareZone.Id).ForecastUpper
            .Should().NotBe(wholeSteps[90].Zones.Single(z => z.Zone == SquareZone.Id).ForecastUpper);
    }

    [Fact]
    public void Step_ZoneWithoutData_ShowsOneNoDataAlertOnTheNoDataRule()
    {
        var loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);

        var steps = Enumerable.Range(1, 30).Select(m => loop.Step(Input(Minute(m), [SquareZone]))).ToList();

        var events = steps.SelectMany(s => s.Events).ToList();
        events.Should().NotBeEmpty().And.OnlyContain(e => e.RuleId == LiveLoop.NoDataRule && e.State == AlertState.NoData);
        loop.Alerts.Count(a => a.Status.State == AlertState.NoData).Should().BeGreaterThan(1, "every rule is NoData, only one is shown");
        steps[^1].Zones.Should().ContainSingle().Which.Level.Should().Be(ZoneLevel.NoData);
    }

    [Fact]
    public void Gains_ZonesAndFamiliesNotSteppedLastTime_AreGainedAndTheOthersNot()
    {
        var loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);
        var first = loop.Gains(Input(Minute(1), [SquareZone]));
        first.Zones.Should().BeEquivalentTo([SquareZone.Id]);
        (first.Counters, first.Roads).Should().Be((SensorGroups.All, SensorGroups.All));
        loop.Step(Input(Minute(1), [SquareZone]) with { CounterGroups = SensorGroups.Single(4), RoadGroups = SensorGroups.All });

        var (zones, counters, roads) = loop.Gains(Input(Minute(2), [SquareZone, GateZone]));

        zones.Should().BeEquivalentTo([GateZone.Id]);
        counters.Should().Be(SensorGroups.All.Except(SensorGroups.Single(4)), "the last step stepped the counters of group 4 alone");
        roads.IsEmpty.Should().BeTrue("the last step stepped every road");
    }

    [Fact]
    public void Restore_GroupGainedBesideOneHeld_TakesTheStoredAlertsOfTheGainedGroupAndKeepsItsOwn()
    {
        var loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);
        var (held, gained) = TwoCountersOfTwoGroups();
        var (heldGroup, gainedGroup) = (SensorGroups.Single(SensorGroups.Of(held)), SensorGroups.Single(SensorGroups.Of(gained)));
        loop.Restore(new LiveSnapshot([Surge(held, AlertState.Firing), Surge(gained, AlertState.Firing)], [], []), new HashSet<ZoneId>(), heldGroup, SensorGroups.None, Minute(1));
        loop.Step(Input(Minute(1), []) with { CounterGroups = heldGroup, RoadGroups = SensorGroups.None });
        loop.HeldSnapshot().Subjects.Should().BeEquivalentTo([held], "the node holds the first counter's group alone");

        // Meanwhile the store holds an older state of the held counter (this node's is newer) and the gained one's.
        var stored = new LiveSnapshot([Surge(held, AlertState.Inactive), Surge(gained, AlertState.Recovering)], [], []);
        var both = heldGroup.With(gainedGroup);
        var gains = loop.Gains(Input(Minute(2), []) with { CounterGroups = both, RoadGroups = SensorGroups.None });
        gains.Counters.Should().Be(gainedGroup);
        loop.Restore(stored, new HashSet<ZoneId>(), gains.Counters, gains.Roads, Minute(2));
        loop.Step(Input(Minute(2), []) with { CounterGroups = both, RoadGroups = SensorGroups.None });

        var (subjects, state) = loop.HeldSnapshot();
        subjects.Should().BeEquivalentTo([held, gained]);
        state.Alerts.Single(a => a.Status.Subject == held).Status.State.Should().Be(AlertState.Firing, "the held group's alerts stay as this node has them");
        state.Alerts.Single(a => a.Status.Subject == gained).Status.State.Should().Be(AlertState.Recovering, "the gained group's come from the store");
    }

    [Fact]
    public void Steppable_NoMonitorDeployed_IsEveryGroupHeld()
    {
        var loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);

        loop.Steppable(SensorGroups.Single(2), SensorGroups.None).Should().Be((SensorGroups.Single(2), SensorGroups.None));
    }

    [Fact]
    public void HeldSnapshot_AfterAStepOfOneZone_CoversOnlyThatZone()
    {
        var run = new Run();
        run.StepTo(30);
        run.Loop.Step(Input(Minute(31), [GateZone]) with { CounterGroups = SensorGroups.None, RoadGroups = SensorGroups.None });

        var (subjects, state) = run.Loop.HeldSnapshot();

        subjects.Should().BeEquivalentTo(["gate"]);
        state.Alerts.Should().OnlyContain(a => a.Status.Subject == "gate");
        state.Balances.Should().OnlyContain(b => b.Zone == GateZone.Id);
        state.Densities.Should().OnlyContain(d => d.Zone == GateZone.Id);
    }

    [Fact]
    public void HeldSnapshot_RestoredAndSteppedOnlyTheCounters_CoversTheCountersAlertsNotTheRoads()
    {
        var loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);
        var surge = new AlertSnapshot(AlertStatus.New(SurgeMonitor.RuleId, "bridge-north", Minute(0)) with { State = AlertState.Firing }, NotificationLedger.Empty);
        var congestion = new AlertSnapshot(AlertStatus.New(Surgewatch.Core.Roads.CongestionMonitor.RuleId, "loop-17", Minute(0)) with { State = AlertState.Firing }, NotificationLedger.Empty);
        loop.Restore(new LiveSnapshot([surge, congestion], [], []), new HashSet<ZoneId>(), SensorGroups.All, SensorGroups.None, Minute(1));

        loop.Step(Input(Minute(1), []) with { RoadGroups = SensorGroups.None });
        var (subjects, state) = loop.HeldSnapshot();

        subjects.Should().BeEquivalentTo(["bridge-north"], "this node holds the counters' step; another holds the roads' and saves their alerts");
        state.Alerts.Should().ContainSingle().Which.Status.Key.Should().Be(surge.Status.Key);
    }

    private static AlertSnapshot Surge(string counter, AlertState state) =>
        new(AlertStatus.New(SurgeMonitor.RuleId, counter, Minute(0)) with { State = state }, NotificationLedger.Empty);

    /// <summary>Two counter ids in two different groups.</summary>
    private static (string, string) TwoCountersOfTwoGroups()
    {
        var ids = Enumerable.Range(0, 100).Select(i => $"counter-{i}").ToList();
        var second = ids.First(id => SensorGroups.Of(id) != SensorGroups.Of(ids[0]));
        return (ids[0], second);
    }

    private static LiveInput Input(DateTimeOffset now, IReadOnlyList<Zone> zones) =>
        new(now, TimeZoneInfo.Utc, zones, _ => TimeSpan.FromMinutes(1), _ => [], []);

    private static string Firing(LiveLoop loop) =>
        loop.Alerts.First(a => a.Status.State == AlertState.Firing).Status.Key;

    /// <summary>A loop fed minute by minute with the square's and the gate's readings, as a host feeds it.</summary>
    private sealed class Run
    {
        public Run(int readingsUpTo = 0)
        {
            Loop = new LiveLoop(new RecentReadings(), new NoModel(), new NoModel(), Duty);
            for (var m = 1; m <= readingsUpTo; m++)
            {
                Feed(m);
            }
        }

        public LiveLoop Loop { get; }

        public List<LiveStep> StepTo(int minute, int from = 1)
        {
            var steps = new List<LiveStep>();
            for (var m = from; m <= minute; m++)
            {
                Feed(m);
                steps.Add(Loop.Step(Input(Minute(m), [SquareZone, GateZone])));
            }

            return steps;
        }

        private void Feed(int minute)
        {
            var batch = new ObservationBatch(3);
            var label = TimeLabel.FromInstant(Minute(minute), TimeZoneInfo.Utc);
            batch.Add(batch.InternSensor(Cam), label, Math.Round(Ramp[minute - 1] * 1000));
            batch.Add(batch.InternSensor(GateIn), label, 30 + (minute % 7));
            batch.Add(batch.InternSensor(GateOut), label, 20);
            Loop.Readings.Add(batch);
        }
    }

    private sealed class NoModel : IDeployedMonitor
    {
        public object Sync { get; } = new();

        public SensorAlertMonitor? Current => null;
    }
}

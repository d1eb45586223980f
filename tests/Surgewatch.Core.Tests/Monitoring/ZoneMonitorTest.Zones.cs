using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

/// <summary>Zones whose settings change, or that leave the list, between steps: the monitor keeps their rules between steps.</summary>
public partial class ZoneMonitorTest
{
    private static readonly NotificationPolicy Duty = NotificationPolicy.For(new EscalationStep("duty", TimeSpan.Zero)).Validated();

    [Fact]
    public void Step_ZoneLevelsChangeBetweenSteps_JudgesTheNewLevels()
    {
        var monitor = new ZoneMonitor();
        var zone = ZoneWith(null);
        StepMinutes(monitor, [zone], density: 2.5, from: 1, to: 10);
        monitor.Find(AlertStatus.KeyOf("density-warning", "square"))!.Status.State.Should().Be(AlertState.Firing);

        var raised = zone with { Levels = ZoneLevels.Default with { DensityWarning = 3.5 } };
        StepMinutes(monitor, [raised], density: 2.5, from: 11, to: 30);

        var warning = monitor.Find(AlertStatus.KeyOf("density-warning", "square"))!;
        warning.Rule.Threshold.Should().Be(3.5);
        warning.Status.State.Should().Be(AlertState.Resolved, "2.5 is below the new warning level's resolve level (3.5 × 0.85) for the 15 minutes of keep-firing");
    }

    [Fact]
    public void Step_WidthAddedThenRemoved_AddsThenDropsTheFlowAlerts()
    {
        var monitor = new ZoneMonitor();
        var zone = ZoneWith(null);

        StepMinutes(monitor, [zone with { WidthMetres = 4 }], density: 1, from: 1, to: 2);
        var withWidth = monitor.Alerts.Select(a => a.Rule.Id).ToList();
        StepMinutes(monitor, [zone], density: 1, from: 3, to: 4);

        withWidth.Should().Contain(["flow-warning", "flow-alarm"]);
        monitor.Alerts.Select(a => a.Rule.Id).Should().NotContain(id => id.StartsWith("flow-", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_ZoneLeavesTheList_DropsItsAlertsAndKeepsTheOthers()
    {
        var monitor = new ZoneMonitor();
        var square = ZoneWith(null);
        var corner = square with { Id = new ZoneId("corner") };
        StepMinutes(monitor, [square, corner], density: 4.5, from: 1, to: 8);

        StepMinutes(monitor, [corner], density: 4.5, from: 9, to: 9);

        monitor.Alerts.Should().OnlyContain(a => a.Subject == "corner");
        monitor.Find(AlertStatus.KeyOf("density-alarm", "corner"))!.Status.State.Should().Be(AlertState.Firing);
    }

    [Fact]
    public void Step_ZoneComesBack_StartsItsAlertsAfresh()
    {
        var monitor = new ZoneMonitor();
        var square = ZoneWith(null);
        StepMinutes(monitor, [square], density: 4.5, from: 1, to: 8);
        StepMinutes(monitor, [], density: 4.5, from: 9, to: 9);

        StepMinutes(monitor, [square], density: 4.5, from: 10, to: 10);

        monitor.Find(AlertStatus.KeyOf("density-alarm", "square"))!.Status.State.Should().Be(AlertState.Pending);
    }

    /// <summary>One step a minute from minute <paramref name="from"/> to <paramref name="to"/>, every zone at <paramref name="density"/>.</summary>
    private static void StepMinutes(ZoneMonitor monitor, IReadOnlyList<Zone> zones, double density, int from, int to)
    {
        for (var m = from; m <= to; m++)
        {
            var occupancies = zones.ToDictionary(z => z.Id, z => new ZoneOccupancy(z.Id, Minute(m), density * z.AreaSquareMetres, density, null, 0.9, false, false, []));
            monitor.Step(Minute(m), zones, occupancies, new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(), [], Duty);
        }
    }
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

/// <summary>A worse alert of a zone inhibits its lesser ones: they stay in their lifecycle but tell no one.</summary>
public partial class ZoneMonitorTest
{
    [Fact]
    public void Step_SurgePastTheAlarmLevel_WarningIsInhibitedByTheAlarmAndNotifiesNoMore()
    {
        var monitor = new ZoneMonitor();
        var zone = ZoneWith(null);
        var told = new List<Notification>();
        Densities(monitor, zone, told, density: 2.5, from: 1, to: 10);
        told.Should().Contain(n => n.RuleId == "density-warning" && n.Kind == NotificationKind.Firing, "the warning fires first and is told");
        told.Clear();

        Densities(monitor, zone, told, density: 4.5, from: 11, to: 30);

        var warning = monitor.Find(AlertStatus.KeyOf("density-warning", "square"))!;
        warning.Status.State.Should().Be(AlertState.Firing, "an inhibited alert keeps its lifecycle");
        warning.InhibitedBy.Should().Be("density-alarm/square");
        monitor.Find(AlertStatus.KeyOf("density-alarm", "square"))!.InhibitedBy.Should().BeNull();
        told.Should().Contain(n => n.RuleId == "density-alarm" && n.Kind == NotificationKind.Firing);
        told.Should().NotContain(n => n.RuleId == "density-warning", "the alarm stands for it (no reminder, no escalation)");
        told.Should().NotContain(n => n.RuleId.StartsWith("density-forecast", StringComparison.Ordinal) && n.At > told.First(a => a.RuleId == "density-alarm").At,
            "the observed alarm makes the forecast of it redundant");
    }

    [Fact]
    public void Step_AlarmResolvesWhileTheWarningStillFires_InhibitionEndsAndTheWarningIsToldAgain()
    {
        var monitor = new ZoneMonitor();
        var zone = ZoneWith(null);
        var told = new List<Notification>();
        Densities(monitor, zone, told, density: 4.5, from: 1, to: 20);
        told.Clear();

        Densities(monitor, zone, told, density: 2.5, from: 21, to: 120);

        monitor.Find(AlertStatus.KeyOf("density-alarm", "square"))!.Status.State.Should().Be(AlertState.Resolved);
        monitor.Find(AlertStatus.KeyOf("density-warning", "square"))!.InhibitedBy.Should().BeNull();
        told.Should().Contain(n => n.RuleId == "density-warning" && n.Kind == NotificationKind.Firing, "what the inhibition held back is told once it ends");
    }

    private static void Densities(ZoneMonitor monitor, Zone zone, List<Notification> told, double density, int from, int to)
    {
        for (var m = from; m <= to; m++)
        {
            var occupancy = new ZoneOccupancy(zone.Id, Minute(m), density * zone.AreaSquareMetres, density, null, 0.9, false, false, []);
            var step = monitor.Step(Minute(m), [zone], new Dictionary<ZoneId, ZoneOccupancy> { [zone.Id] = occupancy },
                new Dictionary<ZoneId, IReadOnlyList<ForecastBound>>(), [], Duty);
            told.AddRange(step.Notifications);
        }
    }
}

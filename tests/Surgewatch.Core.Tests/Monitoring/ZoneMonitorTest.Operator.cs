using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

public partial class ZoneMonitorTest
{
    [Fact]
    public void Acknowledge_FiringAlert_StopsEscalation()
    {
        var driver = MonitorDriver.CameraDensity(Constant(60, 4.5)).RunTo(8);
        var key = AlertStatus.KeyOf("density-alarm", "square");
        driver.Monitor.Find(key)!.Status.State.Should().Be(AlertState.Firing);

        var ack = driver.Monitor.Acknowledge(key, "op-1", Minute(8));
        driver.RunTo(60, from: 9);

        ack.Events.Should().ContainSingle().Which.Actor.Should().Be("op-1");
        driver.Notifications.Should().NotContain(n => n.AlertKey == key && n.Contact == "supervisor");
        driver.Monitor.Find(key)!.Status.Acknowledged!.Actor.Should().Be("op-1");
    }

    [Fact]
    public void Resolve_FiringAlert_ResolvesAndTellsTheAllClearLater()
    {
        var driver = MonitorDriver.CameraDensity(Constant(10, 4.5)).RunTo(8);
        var key = AlertStatus.KeyOf("density-alarm", "square");

        driver.Monitor.Resolve(key, "op-2", Minute(8)).Status.State.Should().Be(AlertState.Resolved);

        driver.Monitor.Find(key)!.Status.State.Should().Be(AlertState.Resolved);
    }

    [Fact]
    public void Acknowledge_UnknownKey_ThrowsNamingTheKey()
    {
        var monitor = new ZoneMonitor();

        var act = () => monitor.Acknowledge("nope/zone", "op", T0);

        act.Should().Throw<UnknownAlertException>().Which.Key.Should().Be("nope/zone");
    }

    [Fact]
    public void Step_DuringASilence_SendsNothingAndMarksTheAlertSilenced()
    {
        var driver = MonitorDriver.CameraDensity(Constant(60, 4.5));
        driver.Silences.Add(new Silence(AlertMatcher.Any, T0, Minute(30), "op"));

        driver.RunTo(29);

        driver.Notifications.Should().BeEmpty();
        driver.Monitor.Find(AlertStatus.KeyOf("density-alarm", "square"))!.Silenced.Should().BeTrue();
        driver.RunTo(31, from: 30);
        driver.Notifications.Should().Contain(n => n.RuleId == "density-alarm" && n.Kind == NotificationKind.Firing);
    }

    [Fact]
    public void Restore_Snapshot_ContinuesTheEpisodeWithoutANewFiringNotification()
    {
        var first = MonitorDriver.CameraDensity(Constant(60, 4.5)).RunTo(20);
        var snapshot = first.Monitor.Snapshot();

        var restarted = new ZoneMonitor();
        restarted.Restore(snapshot);
        var second = new MonitorDriver(ZoneWith(null, Source(Cam, Surgewatch.Core.Zones.ZoneSourceRole.Occupancy)),
            PerMinute((Cam, Constant(60, 4500))), restarted).RunTo(30, from: 21);

        second.Notifications.Should().NotContain(n => n.RuleId == "density-alarm" && n.Reason == NotificationReason.Changed);
        restarted.Find(AlertStatus.KeyOf("density-alarm", "square"))!.Status.State.Should().Be(AlertState.Firing);
    }
}

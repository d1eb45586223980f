using Surgewatch.Core.Alerting;
using Surgewatch.Core.Monitoring;
using Surgewatch.Core.Tests.Alerting;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Monitoring;

public partial class ZoneMonitorTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Step_DensityRampLikeItaewon_AlarmsAnHourBeforeCritical(int seed)
    {
        var ramp = Synthetic.Ramp(180, 2, 6, noise: 0.15, seed);
        var driver = MonitorDriver.CameraDensity(ramp).RunTo(180);

        var alarm = driver.Notifications.First(n => n.Kind == NotificationKind.Firing && n.RuleId.StartsWith("density-forecast-alarm", StringComparison.Ordinal));
        var critical = Minute(1 + Synthetic.MinuteReaching(180, 2, 6, 5));
        (critical - alarm.At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(60));
        driver.Statuses[^1].Level.Should().Be(ZoneLevel.Critical);
    }

    [Fact]
    public void Step_CalledEveryTenSeconds_AlarmsAsEarlyAsOncePerMinute()
    {
        var ramp = Synthetic.Ramp(180, 2, 6, noise: 0.15, 1);
        var driver = MonitorDriver.CameraDensity(ramp);
        for (var m = 1; m <= 180; m++)
        {
            for (var s = 0; s < 60; s += 10)
            {
                driver.Step(Minute(m).AddSeconds(s));
            }
        }

        var alarm = driver.Notifications.First(n => n.Kind == NotificationKind.Firing && n.RuleId.StartsWith("density-forecast-alarm", StringComparison.Ordinal));
        var critical = Minute(1 + Synthetic.MinuteReaching(180, 2, 6, 5));
        (critical - alarm.At).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(60));
    }

    [Fact]
    public void Step_CalledEveryTenSeconds_ForecastsTheSameUpperBoundAsOncePerMinute()
    {
        var rise = Synthetic.Ramp(90, 2, 3, noise: 0, 1);
        var perMinute = MonitorDriver.CameraDensity(rise).RunTo(90);
        var often = MonitorDriver.CameraDensity(rise);
        for (var m = 1; m <= 90; m++)
        {
            for (var s = 0; s < 60; s += 10)
            {
                often.Step(Minute(m).AddSeconds(s));
            }
        }

        often.Statuses[^1].ForecastUpper.Should().BeApproximately(perMinute.Statuses[^1].ForecastUpper!.Value, 0.05,
            "time, not the number of calls, spaces the trend");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Step_DensityHoveringAtWarning_NotifiesAtMostOnceAnHourPerRule(int seed)
    {
        var hover = Synthetic.Ramp(6 * 60, 2, 2, noise: 0.3, seed);
        var driver = MonitorDriver.CameraDensity(hover).RunTo(6 * 60);

        foreach (var rule in driver.Notifications.Where(n => n.Contact == "duty").GroupBy(n => n.RuleId))
        {
            var times = rule.Select(n => n.At).ToList();
            times.Zip(times.Skip(1)).Should().OnlyContain(p => p.Second - p.First >= TimeSpan.FromHours(1), $"rule {rule.Key} must not flap");
        }

        driver.Notifications.Should().NotContain(n => n.RuleId == "density-alarm" || n.RuleId.StartsWith("density-forecast", StringComparison.Ordinal));
    }

    [Fact]
    public void Step_DeadCamera_EndsInNoDataNotAllClear()
    {
        var busy = Constant(30, 3.0);
        var driver = MonitorDriver.CameraDensity(busy).RunTo(60);

        driver.Statuses[^1].Level.Should().Be(ZoneLevel.NoData);
        driver.Statuses[^1].ForecastLevel.Should().Be(ZoneLevel.NoData);
        driver.Monitor.Alerts.Should().Contain(a => a.Rule.Id == "density-warning" && a.Status.State == AlertState.NoData);
        driver.Notifications.Should().Contain(n => n.Kind == NotificationKind.NoData && n.RuleId == "density-warning");
        driver.Notifications.Should().NotContain(n => n.Kind == NotificationKind.Resolved);
    }

    [Theory]
    [InlineData(5, "pending")]
    [InlineData(0, "firing")]
    public void Step_WarningLevelMetForTwoMinutes_FiresOnlyOnceItHeldThePendingTime(int pendingMinutes, string expected)
    {
        var options = MonitorOptions.Default with { PendingFor = TimeSpan.FromMinutes(pendingMinutes) };
        var driver = MonitorDriver.CameraDensity(Constant(10, 2.5), options: options).RunTo(2);

        driver.Monitor.Alerts.Single(a => a.Rule.Id == "density-warning").Status.State.ToString().ToLowerInvariant().Should().Be(expected);
        driver.Monitor.Alerts.Should().OnlyContain(a => a.Rule.PendingFor == options.PendingFor, "every zone rule waits the configured time");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void Validated_PendingForOutsideAnHour_IsRefusedNamingIt(int minutes)
    {
        var options = MonitorOptions.Default with { PendingFor = TimeSpan.FromMinutes(minutes) };

        options.Invoking(o => o.Validated()).Should().Throw<ArgumentException>().WithMessage("*PendingFor*");
    }

    [Fact]
    public void Step_ZoneWithoutWidth_HasNoFlowRules()
    {
        var driver = MonitorDriver.CameraDensity(Constant(5, 1)).RunTo(5);

        driver.Monitor.Alerts.Select(a => a.Rule.Id).Should().BeEquivalentTo(
            "density-warning", "density-alarm", "density-critical", "density-forecast-alarm-30m", "density-forecast-alarm-60m");
    }

    [Fact]
    public void ZoneRules_ZoneWithWidth_AddsFlowWarningAndAlarm()
    {
        var zone = ZoneWith(3);

        ZoneRules.For(zone, MonitorOptions.Default).Where(r => r.Measure == ZoneMeasure.Flow).Select(r => r.Rule.Id)
            .Should().BeEquivalentTo("flow-warning", "flow-alarm");
    }

    [Fact]
    public void Step_QuietZone_IsOkWithNoEvents()
    {
        var driver = MonitorDriver.CameraDensity(Constant(90, 0.5)).RunTo(90);

        driver.Statuses.Should().OnlyContain(s => s.Level == ZoneLevel.Ok && s.ForecastLevel == ZoneLevel.Ok);
        driver.Events.Should().BeEmpty();
        driver.Notifications.Should().BeEmpty();
    }
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

/// <summary>End-to-end scenarios on synthetic one-minute data: evaluator, inputs and planner together.</summary>
public class AlertScenarioTest
{
    private static readonly double Alarm = ZoneLevels.Default.LevelFor(ZoneMeasure.Density, Severity.Alarm);
    private static readonly double Critical = ZoneLevels.Default.LevelFor(ZoneMeasure.Density, Severity.Critical);
    private static readonly double Warning = ZoneLevels.Default.LevelFor(ZoneMeasure.Density, Severity.Warning);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ForecastRule_DensityRampLikeItaewon_FiresAnHourBeforeCriticalDensity(int seed)
    {
        var rule = AlertRule.OnForecast("density-alarm-60", Severity.Alarm, Alarm, Alarm - 0.5, TimeSpan.FromMinutes(60)).Validated();
        var ramp = Synthetic.Ramp(180, 2, 6, noise: 0.15, seed);

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, ramp, window: 60);

        var fired = run.Notifications.First(n => n.Kind == NotificationKind.Firing).At;
        var critical = Minute(Synthetic.MinuteReaching(180, 2, 6, Critical));
        (critical - fired).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMinutes(60));
        run.Events.Should().Contain(e => e.State == AlertState.Firing && e.At == fired);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ForecastRule_NoisyButFlatDensity_NeverFires(int seed)
    {
        var rule = AlertRule.OnForecast("density-alarm-60", Severity.Alarm, Alarm, Alarm - 0.5, TimeSpan.FromMinutes(60)).Validated();
        var flat = Synthetic.Ramp(8 * 60, Warning, Warning, noise: 0.3, seed);

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, flat, window: 60);

        run.Notifications.Should().BeEmpty();
        run.Events.Should().NotContain(e => e.State == AlertState.Firing || e.State == AlertState.NoData);
    }

    [Fact]
    public void ObservedRule_DensityRampLikeItaewon_FiresTooLateForAnHourOfWarning()
    {
        // The counterpart of the forecast scenario: the observed alarm alone leaves well under an hour.
        var rule = AlertRule.OnObserved("density-alarm", Severity.Alarm, Alarm, Alarm - 0.5).Validated();

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, Synthetic.Ramp(180, 2, 6, 0.15, seed: 1));

        var fired = run.Notifications.First(n => n.Kind == NotificationKind.Firing).At;
        (Minute(Synthetic.MinuteReaching(180, 2, 6, Critical)) - fired).Should().BeLessThan(TimeSpan.FromMinutes(60));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ObservedRule_DensityHoveringAtWarningLevel_NotifiesAtMostOncePerHour(int seed)
    {
        var rule = AlertRule.OnObserved("density-warning", Severity.Warning, Warning, Warning - 0.2).Validated();
        var hovering = Synthetic.Ramp(8 * 60, Warning, Warning, noise: 0.3, seed);

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, hovering);

        run.Notifications.Should().NotBeEmpty();
        run.Notifications.Zip(run.Notifications.Skip(1), (a, b) => b.At - a.At).Should().OnlyContain(gap => gap >= TimeSpan.FromHours(1));
        run.Events.Should().NotContain(e => e.State == AlertState.Resolved);
    }

    [Fact]
    public void ObservedRule_HoveringWithoutHysteresisOrKeepFiring_WouldFlap()
    {
        // Shows the hovering scenario is a real test: without a resolve level and keep-firing-for the machine flaps.
        var rule = Rule(pendingFor: 0, keepFiringFor: 0, threshold: Warning, resolveBelow: Warning);

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, Synthetic.Ramp(8 * 60, Warning, Warning, 0.3, seed: 1));

        run.Events.Count(e => e.State == AlertState.Firing).Should().BeGreaterThan(50);
    }

    [Fact]
    public void ObservedRule_SourceGoesDead_EndsInNoDataAndSaysSo()
    {
        var rule = AlertRule.OnObserved("density-warning", Severity.Warning, Warning, Warning - 0.2).Validated();
        double[] series = [.. Synthetic.Ramp(59, 1, 1, 0.1, seed: 1), .. Repeat(double.NaN, 60)];

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, series);

        run.Status.State.Should().Be(AlertState.NoData);
        run.Events.Should().ContainSingle().Which.Should().Match<AlertEvent>(e => e.State == AlertState.NoData && e.At == Minute(69));
        run.Notifications.Should().ContainSingle().Which.Kind.Should().Be(NotificationKind.NoData);
    }

    [Fact]
    public void ForecastRule_SourceGoesDeadWhileFiring_EndsInNoDataNotResolved()
    {
        var rule = AlertRule.OnForecast("density-alarm-60", Severity.Alarm, Alarm, Alarm - 0.5, TimeSpan.FromMinutes(60)).Validated();
        double[] series = [.. Synthetic.Ramp(120, 2, 5, 0.15, seed: 1), .. Repeat(double.NaN, 60)];

        var run = Synthetic.Feed(new AlertRun(rule, OneContact(), T0), rule, series);

        run.Status.State.Should().Be(AlertState.NoData);
        run.Events.Should().NotContain(e => e.State == AlertState.Resolved || e.State == AlertState.Inactive);
        run.Notifications[0].Kind.Should().Be(NotificationKind.Firing);
        run.Notifications[^1].Should().Match<Notification>(n => n.Kind == NotificationKind.NoData && n.At == Minute(130));
        run.Notifications.Should().NotContain(n => n.Kind == NotificationKind.Resolved);
    }

    private static NotificationPolicy OneContact() => NotificationPolicy.For(new EscalationStep("duty", TimeSpan.Zero)).Validated();
}

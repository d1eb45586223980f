using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Alerting.AlertTestData;

namespace Surgewatch.Core.Tests.Alerting;

public class InhibitionTest
{
    private static readonly AlertRule Warning = AlertRule.OnObserved("density-warning", Severity.Warning, 2, 1.7);
    private static readonly AlertRule Alarm = AlertRule.OnObserved("density-alarm", Severity.Alarm, 4, 3.4);
    private static readonly AlertRule Critical = AlertRule.OnObserved("density-critical", Severity.Critical, 5, 4.25);
    private static readonly AlertRule ForecastAlarm = AlertRule.OnForecast("density-forecast-alarm-30m", Severity.Alarm, 4, 3.4, TimeSpan.FromMinutes(30));

    [Fact]
    public void Outranks_HigherSeverity_True() => Inhibition.Outranks(Alarm, Warning).Should().BeTrue();

    [Fact]
    public void Outranks_LowerSeverity_False() => Inhibition.Outranks(Warning, Alarm).Should().BeFalse();

    [Fact]
    public void Outranks_ObservedOverForecastOfTheSameSeverity_True() => Inhibition.Outranks(Alarm, ForecastAlarm).Should().BeTrue();

    [Fact]
    public void Outranks_ForecastOverObservedOfTheSameSeverity_False() => Inhibition.Outranks(ForecastAlarm, Alarm).Should().BeFalse();

    [Theory]
    [InlineData(AlertState.Firing, true)]
    [InlineData(AlertState.Recovering, true)]
    [InlineData(AlertState.Pending, false)]
    [InlineData(AlertState.Inactive, false)]
    [InlineData(AlertState.Resolved, false)]
    [InlineData(AlertState.NoData, false)]
    public void InhibitorOf_AlarmInState_InhibitsTheWarningOnlyWhileItFires(AlertState alarmState, bool inhibits)
    {
        var alerts = new List<(AlertRule, AlertStatus)> { (Warning, Status(Warning, "square", AlertState.Firing)), (Alarm, Status(Alarm, "square", alarmState)) };

        var inhibitor = Inhibition.InhibitorOf(Warning, "square", alerts);

        inhibitor.Should().Be(inhibits ? "density-alarm/square" : null);
    }

    [Fact]
    public void InhibitorOf_AlarmOfAnotherSubject_Null()
    {
        var alerts = new List<(AlertRule, AlertStatus)> { (Alarm, Status(Alarm, "corner", AlertState.Firing)) };

        Inhibition.InhibitorOf(Warning, "square", alerts).Should().BeNull();
    }

    [Fact]
    public void InhibitorOf_AlarmAndCriticalFiring_NamesTheCritical()
    {
        var alerts = new List<(AlertRule, AlertStatus)>
        {
            (Alarm, Status(Alarm, "square", AlertState.Firing)),
            (Critical, Status(Critical, "square", AlertState.Firing)),
            (ForecastAlarm, Status(ForecastAlarm, "square", AlertState.Firing)),
        };

        Inhibition.InhibitorOf(Warning, "square", alerts).Should().Be("density-critical/square");
    }

    [Fact]
    public void InhibitorOf_TheWorstAlertItself_Null()
    {
        var alerts = new List<(AlertRule, AlertStatus)> { (Critical, Status(Critical, "square", AlertState.Firing)), (Alarm, Status(Alarm, "square", AlertState.Firing)) };

        Inhibition.InhibitorOf(Critical, "square", alerts).Should().BeNull();
    }

    private static AlertStatus Status(AlertRule rule, string subject, AlertState state) =>
        AlertStatus.New(rule.Id, subject, T0) with { State = state };
}

using Surgewatch.Core.Alerting;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Alerting;

internal static class AlertTestData
{
    public static readonly DateTimeOffset T0 = new(2026, 10, 29, 18, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Minute(int m) => T0.AddMinutes(m);

    /// <summary>Observed density alarm at 4, resolving below 3.5, with the given durations in minutes.</summary>
    public static AlertRule Rule(int pendingFor = 0, int keepFiringFor = 0, int noDataAfter = 10, double threshold = 4, double resolveBelow = 3.5) =>
        new AlertRule("density-alarm", Severity.Alarm, AlertSource.Observed, threshold, resolveBelow,
            TimeSpan.FromMinutes(pendingFor), TimeSpan.FromMinutes(keepFiringFor), TimeSpan.FromMinutes(noDataAfter), TimeSpan.Zero).Validated();

    public static NotificationPolicy Policy(params ISilence[] silences) =>
        new NotificationPolicy(
            [new EscalationStep("duty", TimeSpan.Zero), new EscalationStep("supervisor", TimeSpan.FromMinutes(10)), new EscalationStep("control-room", TimeSpan.FromMinutes(20))],
            TimeSpan.FromHours(1),
            silences).Validated();

    public static AlertRun Run(AlertRule? rule = null, NotificationPolicy? policy = null) => new(rule ?? Rule(), policy ?? Policy(), T0);

    public static double[] Repeat(double value, int count) => Enumerable.Repeat(value, count).ToArray();
}

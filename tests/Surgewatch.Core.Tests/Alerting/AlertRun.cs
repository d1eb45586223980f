using Surgewatch.Core.Alerting;

namespace Surgewatch.Core.Tests.Alerting;

/// <summary>Drives one alert through the evaluator and the planner, as a scheduler would, and records what came out.</summary>
internal sealed class AlertRun(AlertRule rule, NotificationPolicy policy, DateTimeOffset start, string subject = "zone-a")
{
    public AlertStatus Status { get; private set; } = AlertStatus.New(rule.Id, subject, start);

    public NotificationLedger Ledger { get; private set; } = NotificationLedger.Empty;

    public List<AlertEvent> Events { get; } = [];

    public List<Notification> Notifications { get; } = [];

    /// <summary>The state after every step, with its time.</summary>
    public List<(DateTimeOffset At, AlertState State)> States { get; } = [];

    public AlertRun Step(DateTimeOffset now, AlertSample sample) => Apply(AlertEvaluator.Evaluate(rule, Status, sample, now), now);

    public AlertRun Step(DateTimeOffset now, double value) => Step(now, AlertSample.Of(value));

    public AlertRun Acknowledge(DateTimeOffset now, string actor = "duty") => Apply(AlertEvaluator.Acknowledge(Status, actor, now), now);

    public AlertRun Resolve(DateTimeOffset now, string actor = "duty") => Apply(AlertEvaluator.ResolveByOperator(Status, actor, now), now);

    /// <summary>One sample per minute from <paramref name="from"/>, for each value (NaN is no data).</summary>
    public AlertRun Minutes(DateTimeOffset from, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            Step(from.AddMinutes(i), values[i]);
        }

        return this;
    }

    private AlertRun Apply(AlertEvaluation evaluation, DateTimeOffset now)
    {
        Status = evaluation.Status;
        Events.AddRange(evaluation.Events);
        var plan = NotificationPlanner.Plan(policy, Status, Ledger, now);
        Ledger = plan.Ledger;
        Notifications.AddRange(plan.Notifications);
        States.Add((now, Status.State));
        return this;
    }
}

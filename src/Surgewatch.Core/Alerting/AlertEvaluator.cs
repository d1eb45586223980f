namespace Surgewatch.Core.Alerting;

/// <summary>
/// The alert lifecycle as a pure state machine (see <see cref="AlertTransitions"/> for its edges). Every function takes
/// <c>now</c> and returns a new <see cref="AlertStatus"/> with the events of what changed; nothing is read from a clock
/// and nothing is written. A step that changes nothing returns no events, so notifications are deduplicated at the source.
/// </summary>
public static class AlertEvaluator
{
    private static readonly AlertEvent[] None = [];

    /// <summary>Evaluates <paramref name="rule"/> on <paramref name="sample"/> at <paramref name="now"/>.</summary>
    /// <remarks>
    /// A value at or above the threshold starts Pending (or Firing when pending-for is zero); Pending fires once the
    /// condition has held for pending-for. A firing alert goes to Recovering when the value drops below the resolve
    /// level, back to Firing when it rises to it again, and to Resolved after it stayed below for keep-firing-for.
    /// No sample for no-data-after moves any state to NoData; a missing sample never resolves or clears anything. When data
    /// returns, an alert that was firing before the gap goes back to Firing unless the value is below the resolve level
    /// (then Recovering, or Resolved without keep-firing-for); any other goes to Pending or Inactive on the threshold.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="now"/> is before the alert's last change, or the rule does not match the alert.</exception>
    public static AlertEvaluation Evaluate(AlertRule rule, AlertStatus status, AlertSample sample, DateTimeOffset now)
    {
        CheckStep(rule, status, now);
        if (sample.Value is { } value)
        {
            var seen = status with { LastSeenAt = now, LastValue = value };
            return MoveTo(seen, NextOnValue(rule, status, value, now), now, value, null, null);
        }

        var stale = now - status.LastSeenAt >= rule.NoDataAfter;
        var target = stale ? AlertState.NoData : status.State;
        return MoveTo(status, target, now, null, null, stale ? $"no sample since {status.LastSeenAt:O}" : null);
    }

    /// <summary>Records that <paramref name="actor"/> acknowledged the open episode: it stops escalating. Repeats are ignored.</summary>
    /// <exception cref="InvalidOperationException">The alert has no open episode (it is Inactive or Resolved).</exception>
    public static AlertEvaluation Acknowledge(AlertStatus status, string actor, DateTimeOffset now)
    {
        RequireActive(status, "acknowledge");
        if (status.Acknowledged is not null)
        {
            return new AlertEvaluation(status, None);
        }

        var next = status with { Acknowledged = new OperatorAction(actor, now) };
        return new AlertEvaluation(next, [Event(next, now, status.LastValue, actor, "acknowledged")]);
    }

    /// <summary>
    /// Resolves the open episode by hand (say, the sensor was removed). The no-data clock restarts; if the condition
    /// still holds at the next evaluation, a new episode starts.
    /// </summary>
    /// <exception cref="InvalidOperationException">The alert has no open episode (it is Inactive or Resolved).</exception>
    public static AlertEvaluation ResolveByOperator(AlertStatus status, string actor, DateTimeOffset now)
    {
        RequireActive(status, "resolve");
        return MoveTo(status with { LastSeenAt = now }, AlertState.Resolved, now, status.LastValue, actor, "resolved by operator");
    }

    private static AlertState NextOnValue(AlertRule rule, AlertStatus status, double value, DateTimeOffset now)
    {
        var holds = value >= rule.Threshold;
        var clear = value < rule.ResolveBelow;
        var held = now - status.Since;
        return status.State switch
        {
            AlertState.Pending => !holds ? AlertState.Inactive : held >= rule.PendingFor ? AlertState.Firing : AlertState.Pending,
            AlertState.Firing => !clear ? AlertState.Firing : ClearedFromFiring(rule),
            AlertState.Recovering => !clear ? AlertState.Firing : held >= rule.KeepFiringFor ? AlertState.Resolved : AlertState.Recovering,
            AlertState.NoData when status.FiringBeforeNoData => !clear ? AlertState.Firing : ClearedFromFiring(rule),
            AlertState.NoData when !holds => AlertState.Inactive,
            _ when !holds => status.State,
            _ => rule.PendingFor > TimeSpan.Zero ? AlertState.Pending : AlertState.Firing,
        };
    }

    private static AlertState ClearedFromFiring(AlertRule rule) =>
        rule.KeepFiringFor > TimeSpan.Zero ? AlertState.Recovering : AlertState.Resolved;

    private static AlertEvaluation MoveTo(AlertStatus status, AlertState target, DateTimeOffset now, double? value, string? actor, string? note)
    {
        if (target == status.State)
        {
            return new AlertEvaluation(status, None);
        }

        var episodeOver = target is AlertState.Resolved or AlertState.Inactive;
        var next = status with
        {
            State = target,
            Since = now,
            Acknowledged = episodeOver ? null : status.Acknowledged,
            FiringBeforeNoData = target == AlertState.NoData && status.State is AlertState.Firing or AlertState.Recovering,
        };
        return new AlertEvaluation(next, [Event(next, now, value, actor, note ?? $"{status.State} -> {target}")]);
    }

    private static AlertEvent Event(AlertStatus status, DateTimeOffset now, double? value, string? actor, string note) =>
        new(status.Key, status.RuleId, status.Subject, status.State, now, value, actor, note);

    private static void CheckStep(AlertRule rule, AlertStatus status, DateTimeOffset now)
    {
        if (rule.Id != status.RuleId)
        {
            throw new ArgumentException($"Rule '{rule.Id}' cannot evaluate alert '{status.Key}' of rule '{status.RuleId}'.", nameof(rule));
        }

        if (now < status.Since || now < status.LastSeenAt)
        {
            throw new ArgumentException($"Evaluation time {now:O} is before the alert's last change at {status.Since:O}; evaluate in time order.", nameof(now));
        }
    }

    private static void RequireActive(AlertStatus status, string action)
    {
        if (!status.IsActive)
        {
            throw new InvalidOperationException($"Cannot {action} alert '{status.Key}': it is {status.State}, with no open episode.");
        }
    }
}

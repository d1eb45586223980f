namespace Surgewatch.Core.Alerting;

/// <summary>Who is told about an alert, how often, and when not.</summary>
/// <param name="Chain">The escalation chain, in order; the first step is told at once.</param>
/// <param name="RenotifyInterval">Within this interval of an alert's last notification, repeats and all-clears are held back (news of a problem and escalations to new contacts are not); also the reminder period while an alert fires unacknowledged.</param>
/// <param name="Silences">Silences that mute notifications.</param>
public sealed record NotificationPolicy(IReadOnlyList<EscalationStep> Chain, TimeSpan RenotifyInterval, IReadOnlyList<ISilence> Silences)
{
    /// <summary>A policy for <paramref name="chain"/> with a one-hour re-notify interval and no silences.</summary>
    public static NotificationPolicy For(params EscalationStep[] chain) => new(chain, TimeSpan.FromHours(1), []);

    /// <summary>Checks the settings and returns this policy.</summary>
    /// <exception cref="ArgumentException">The chain is empty, its delays are not ascending from zero, or the interval is not positive.</exception>
    public NotificationPolicy Validated()
    {
        if (Chain.Count == 0 || Chain[0].After != TimeSpan.Zero)
        {
            throw new ArgumentException("The escalation chain needs at least one step, and its first step must have delay zero.", nameof(Chain));
        }

        for (var i = 1; i < Chain.Count; i++)
        {
            if (Chain[i].After < Chain[i - 1].After)
            {
                throw new ArgumentException($"Escalation step {i} ('{Chain[i].Contact}') comes before step {i - 1}; order the chain by delay.", nameof(Chain));
            }
        }

        return RenotifyInterval > TimeSpan.Zero ? this
            : throw new ArgumentException("The re-notify interval must be positive, such as one hour.", nameof(RenotifyInterval));
    }

    /// <summary>Whether any silence mutes <paramref name="status"/> at <paramref name="now"/>.</summary>
    public bool Mutes(AlertStatus status, DateTimeOffset now)
    {
        foreach (var silence in Silences)
        {
            if (silence.Mutes(status.RuleId, status.Subject, now))
            {
                return true;
            }
        }

        return false;
    }
}

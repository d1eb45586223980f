namespace Surgewatch.Core.Alerting;

/// <summary>
/// Decides, after each evaluation, whom to tell about an alert. Pure: takes the alert's status, its ledger and
/// <c>now</c>, and returns the notifications plus the new ledger.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A change to Firing, NoData or (after one of those was told) Resolved is told to every contact reached in the episode.</item>
/// <item>Rate limit: within the re-notify interval of the last notification, repeats and all-clears are held back and
/// sent once the interval has passed, as the alert's kind at that moment (so a brief dip collapses into nothing). News
/// of a problem (Firing or NoData after something else was told) is never held back.</item>
/// <item>An unacknowledged Firing or NoData alert is reminded once per re-notify interval.</item>
/// <item>Escalation: each chain step is told once, when its delay has passed since the episode's first notification
/// without an acknowledgement. An acknowledged alert never escalates.</item>
/// <item>Silences: nothing at all is sent while a silence mutes the alert; anything held back, and any alert still
/// Firing or NoData, is told again once the silence is over.</item>
/// <item>Every notification carries a delivery id made from the ledger it was planned from (<see cref="DeliveryIds"/>),
/// so planning again from the same saved ledger gives the same ids.</item>
/// </list>
/// </remarks>
public static class NotificationPlanner
{
    /// <summary>Plans the notifications for <paramref name="status"/> at <paramref name="now"/>.</summary>
    public static NotificationPlan Plan(NotificationPolicy policy, AlertStatus status, NotificationLedger ledger, DateTimeOffset now) =>
        Plan(policy, status, ledger, now, policy.Mutes(status, now));

    /// <summary>As the public <c>Plan</c>, with <paramref name="muted"/> = <c>policy.Mutes(status, now)</c> already known to the caller.</summary>
    internal static NotificationPlan Plan(NotificationPolicy policy, AlertStatus status, NotificationLedger ledger, DateTimeOffset now, bool muted)
    {
        var kind = KindToTell(status, ledger);
        if (muted)
        {
            return new NotificationPlan(WithOwed(ledger, ledger.Owed || kind is not null), []);
        }

        if (kind is not { } due)
        {
            return new NotificationPlan(WithOwed(ledger, false), []);
        }

        var sent = new List<Notification>();
        var next = Tell(policy, status, ledger, due, now, sent);
        next = Escalate(policy, status, next, due, now, sent);
        return new NotificationPlan(next, sent);
    }

    // The ledger itself when the flag is unchanged: most evaluations change nothing, and a copy per alert per second adds up.
    private static NotificationLedger WithOwed(NotificationLedger ledger, bool owed) => ledger.Owed == owed ? ledger : ledger with { Owed = owed };

    private static NotificationKind? KindToTell(AlertStatus status, NotificationLedger ledger) => status.State switch
    {
        AlertState.Firing or AlertState.Recovering => NotificationKind.Firing,
        AlertState.NoData => NotificationKind.NoData,
        _ when ledger.LastKind is NotificationKind.Firing or NotificationKind.NoData => NotificationKind.Resolved,
        _ => null,
    };

    private static NotificationLedger Tell(
        NotificationPolicy policy, AlertStatus status, NotificationLedger ledger, NotificationKind kind, DateTimeOffset now, List<Notification> sent)
    {
        var news = kind != ledger.LastKind;
        if (ReasonToTell(policy, status, ledger, news, now) is not { } reason || IsHeldBack(policy, ledger, kind, news, now))
        {
            return ledger;
        }

        var opened = ledger.EpisodeStartedAt is null ? ledger with { EpisodeStartedAt = now, StepsReached = 1 } : ledger;
        var turn = DeliveryIds.TurnAfter(ledger.LastSentAt, now);
        for (var i = 0; i < opened.StepsReached; i++)
        {
            sent.Add(Message(status, policy.Chain[i].Contact, kind, reason, now, turn));
        }

        var told = opened with { LastKind = kind, LastSentAt = now, Owed = false };
        return kind == NotificationKind.Resolved ? told with { EpisodeStartedAt = null, StepsReached = 0 } : told;
    }

    private static NotificationReason? ReasonToTell(NotificationPolicy policy, AlertStatus status, NotificationLedger ledger, bool news, DateTimeOffset now)
    {
        if (ledger.Owed)
        {
            return NotificationReason.Deferred;
        }

        if (news)
        {
            return NotificationReason.Changed;
        }

        var remind = ledger.LastKind != NotificationKind.Resolved && status.Acknowledged is null
            && ledger.LastSentAt is { } last && now - last >= policy.RenotifyInterval;
        return remind ? NotificationReason.Reminder : null;
    }

    // The rate limit never delays news of a problem (Firing or NoData the contacts were not told); it holds back
    // repeats and all-clears, which stay due (as a kind not yet told, or as owed) until the interval has passed.
    private static bool IsHeldBack(NotificationPolicy policy, NotificationLedger ledger, NotificationKind kind, bool news, DateTimeOffset now) =>
        ledger.LastSentAt is { } last && now - last < policy.RenotifyInterval && !(news && kind != NotificationKind.Resolved);

    private static NotificationLedger Escalate(
        NotificationPolicy policy, AlertStatus status, NotificationLedger ledger, NotificationKind kind, DateTimeOffset now, List<Notification> sent)
    {
        if (kind == NotificationKind.Resolved || status.Acknowledged is not null || ledger.EpisodeStartedAt is not { } start)
        {
            return ledger;
        }

        var reached = ledger.StepsReached;
        while (reached < policy.Chain.Count && now - start >= policy.Chain[reached].After)
        {
            sent.Add(Message(status, policy.Chain[reached].Contact, kind, NotificationReason.Escalated, now, DeliveryIds.TurnOfStep(start, reached)));
            reached++;
        }

        return ledger with { StepsReached = reached };
    }

    private static Notification Message(AlertStatus status, string contact, NotificationKind kind, NotificationReason reason, DateTimeOffset now, string turn) =>
        new(status.Key, status.RuleId, status.Subject, contact, kind, reason, now, status.LastValue)
        {
            DeliveryId = DeliveryIds.Of(status.Key, contact, kind, reason, turn),
        };
}

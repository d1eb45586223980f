namespace Surgewatch.Core.Alerting;

/// <summary>
/// Which alert makes another redundant, as in Alertmanager's inhibit rules: a firing alert inhibits the alerts of the
/// same subject (zone or counter) that it outranks. An inhibited alert stays in its lifecycle and is shown, folded
/// under the alert that inhibits it, but notifies no one while inhibited (what it would have said is told once the
/// inhibition ends, as after a silence). Pure.
/// </summary>
/// <remarks>
/// One rule outranks another when its severity is higher, or when both have the same severity and it reads the observed
/// value while the other reads the forecast: once the observed level is reached, the forecast of reaching it adds nothing.
/// Only a Firing or Recovering alert inhibits; a Pending one has not yet been told to anyone, so it cannot stand in for
/// the alert it would hide.
/// </remarks>
public static class Inhibition
{
    /// <summary>Whether an alert on <paramref name="source"/> would make one on <paramref name="target"/> redundant.</summary>
    public static bool Outranks(AlertRule source, AlertRule target) =>
        source.Severity > target.Severity
        || (source.Severity == target.Severity && source.Source == AlertSource.Observed && target.Source == AlertSource.ForecastUpper);

    /// <summary>Whether an alert in <paramref name="state"/> may inhibit others: it fires (Recovering included).</summary>
    public static bool CanInhibit(AlertState state) => state is AlertState.Firing or AlertState.Recovering;

    /// <summary>
    /// The key of the alert among <paramref name="alerts"/> that inhibits <paramref name="target"/> (on
    /// <paramref name="subject"/>), or null when none does. Of several, the most outranking one: the highest severity,
    /// observed before forecast, then the first in the list. Alerts of other subjects are ignored.
    /// </summary>
    public static string? InhibitorOf(AlertRule target, string subject, IReadOnlyList<(AlertRule Rule, AlertStatus Status)> alerts)
    {
        (AlertRule Rule, AlertStatus Status)? best = null;
        for (var i = 0; i < alerts.Count; i++)
        {
            var (rule, status) = alerts[i];
            if (CanInhibit(status.State) && rule.Id != target.Id && Outranks(rule, target)
                && string.Equals(status.Subject, subject, StringComparison.Ordinal)
                && (best is not { } b || Outranks(rule, b.Rule)))
            {
                best = (rule, status);
            }
        }

        return best?.Status.Key;
    }
}

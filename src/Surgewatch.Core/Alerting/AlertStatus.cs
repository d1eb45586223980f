namespace Surgewatch.Core.Alerting;

/// <summary>
/// The current state of one alert, the single alert kept per (rule, subject). Immutable: evaluation returns a new one.
/// </summary>
/// <param name="Key">The alert's identity, <c>ruleId/subject</c> (see <see cref="KeyOf"/>).</param>
/// <param name="RuleId">The rule.</param>
/// <param name="Subject">The zone or sensor.</param>
/// <param name="State">Where the alert stands.</param>
/// <param name="Since">When it entered <see cref="State"/>; the pending-for and keep-firing-for clocks run from here.</param>
/// <param name="LastSeenAt">When a sample last arrived, or when the alert was created or resolved by an operator: the no-data clock runs from here.</param>
/// <param name="LastValue">The latest sample value, if any arrived.</param>
/// <param name="Acknowledged">Who acknowledged the current episode, and when; cleared when the episode ends.</param>
/// <param name="FiringBeforeNoData">In NoData: whether the alert was Firing or Recovering when data stopped, so that returning data
/// must still pass below the resolve level (hysteresis holds across a gap).</param>
public sealed record AlertStatus(
    string Key,
    string RuleId,
    string Subject,
    AlertState State,
    DateTimeOffset Since,
    DateTimeOffset LastSeenAt,
    double? LastValue,
    OperatorAction? Acknowledged,
    bool FiringBeforeNoData = false)
{
    /// <summary>A fresh, inactive alert for <paramref name="ruleId"/> on <paramref name="subject"/>, created at <paramref name="now"/>.</summary>
    public static AlertStatus New(string ruleId, string subject, DateTimeOffset now) =>
        new(KeyOf(ruleId, subject), ruleId, subject, AlertState.Inactive, now, now, null, null);

    /// <summary>The alert key for a rule and subject: <c>ruleId/subject</c>.</summary>
    public static string KeyOf(string ruleId, string subject) => $"{ruleId}/{subject}";

    /// <summary>Whether an episode is open: operators may acknowledge or resolve it.</summary>
    public bool IsActive => State is AlertState.Pending or AlertState.Firing or AlertState.Recovering or AlertState.NoData;

    /// <summary>
    /// Whether the alert is open in an operator's inbox: its condition holds (Pending, Firing, Recovering), or it was firing
    /// when data stopped. NoData of an alert that was not firing says nothing about the condition, so it is not open.
    /// </summary>
    public bool IsOpen => State is AlertState.Pending or AlertState.Firing or AlertState.Recovering
        || (State == AlertState.NoData && FiringBeforeNoData);
}

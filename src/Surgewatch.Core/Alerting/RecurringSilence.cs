namespace Surgewatch.Core.Alerting;

/// <summary>
/// A silence that recurs every day between two local wall-clock times in a time zone, such as 02:00–04:00 in
/// Australia/Melbourne for nightly maintenance. A window with <see cref="End"/> at or before <see cref="Start"/>
/// runs overnight.
/// </summary>
/// <remarks>
/// The window is judged on the zone's wall clock, so it follows daylight saving: on a spring-forward night, local times
/// that do not exist are skipped and the window is shorter; on a fall-back night, repeated local times are muted both
/// times and the window is longer. Resolve the zone with <see cref="TimeZoneInfo.FindSystemTimeZoneById(string)"/>
/// from its IANA id at the edge.
/// </remarks>
/// <param name="Matcher">Which alerts it mutes.</param>
/// <param name="Zone">The time zone whose wall clock the window follows.</param>
/// <param name="Start">Local start, inclusive.</param>
/// <param name="End">Local end, exclusive.</param>
/// <param name="CreatedBy">The operator who set it, for the audit trail.</param>
public sealed record RecurringSilence(AlertMatcher Matcher, TimeZoneInfo Zone, TimeOnly Start, TimeOnly End, string CreatedBy) : ISilence
{
    /// <inheritdoc />
    public bool Mutes(string ruleId, string subject, DateTimeOffset now) =>
        Matcher.Matches(ruleId, subject) && Covers(TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(now, Zone).TimeOfDay));

    private bool Covers(TimeOnly local) =>
        Start < End ? local >= Start && local < End : local >= Start || local < End;
}

namespace Surgewatch.Core.Calendar;

/// <summary>
/// One holiday of a region's rule file: its name, how its date is found, the years it applies to, and what
/// happens when it falls on a weekend. A holiday whose rule changed over time (a name change, a new substitute
/// rule) is written as two rules with adjacent validity years.
/// </summary>
/// <param name="Name">The holiday's name.</param>
/// <param name="Date">How its nominal date is found.</param>
/// <param name="FromYear">First year the rule applies (inclusive); null for always.</param>
/// <param name="UntilYear">Last year the rule applies (inclusive); null for open-ended.</param>
/// <param name="Substitute">The substitute-day rule; null when a weekend date simply stays where it is.</param>
public sealed record HolidayRule(string Name, HolidayDateRule Date, int? FromYear = null, int? UntilYear = null, SubstitutePolicy? Substitute = null)
{
    /// <summary>True when the rule applies in <paramref name="year"/>.</summary>
    public bool AppliesIn(int year) => (FromYear is null || year >= FromYear) && (UntilYear is null || year <= UntilYear);

    /// <summary>True when a holiday on <paramref name="date"/> is replaced by a later day and is not itself a holiday.</summary>
    public bool MovesAway(DateOnly date) =>
        Substitute is { Mode: SubstituteMode.Move } s && s.On.Contains(date.DayOfWeek);
}

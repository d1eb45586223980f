namespace Surgewatch.Core.Calendar;

/// <summary>
/// How a holiday's nominal date is found in a year: a fixed date, the nth weekday of a month, an offset from
/// Easter Sunday, or a list of explicit dates. Substitutes and validity years are applied by <see cref="HolidayRule"/>.
/// </summary>
public abstract record HolidayDateRule
{
    /// <summary>Adds the nominal date(s) this rule gives in <paramref name="year"/> (none, one, or several) to <paramref name="dates"/>.</summary>
    public abstract void AddDates(int year, ICollection<DateOnly> dates);
}

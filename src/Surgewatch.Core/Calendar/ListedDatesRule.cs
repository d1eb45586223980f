namespace Surgewatch.Core.Calendar;

/// <summary>
/// Explicit dates: one-off holidays (a national day of mourning) and holidays whose date is declared each year
/// (Victoria's AFL Grand Final Friday). A year without a listed date has no such holiday.
/// </summary>
/// <param name="Dates">The dates, in any order.</param>
public sealed record ListedDatesRule(IReadOnlyList<DateOnly> Dates) : HolidayDateRule
{
    /// <inheritdoc />
    public override void AddDates(int year, ICollection<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var date in Dates)
        {
            if (date.Year == year)
            {
                dates.Add(date);
            }
        }
    }
}

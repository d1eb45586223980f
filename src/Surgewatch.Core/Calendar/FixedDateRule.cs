namespace Surgewatch.Core.Calendar;

/// <summary>The same month and day every year, e.g. 25 December.</summary>
/// <param name="Month">1–12.</param>
/// <param name="Day">1–31; a 29 February rule gives no date in common years.</param>
public sealed record FixedDateRule(int Month, int Day) : HolidayDateRule
{
    /// <inheritdoc />
    public override void AddDates(int year, ICollection<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (Day <= DateTime.DaysInMonth(year, Month))
        {
            dates.Add(new DateOnly(year, Month, Day));
        }
    }
}

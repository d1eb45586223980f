namespace Surgewatch.Core.Calendar;

/// <summary>An offset in days from Western Easter Sunday: -2 is Good Friday, 1 is Easter Monday.</summary>
/// <param name="OffsetDays">Days after Easter Sunday (negative for before).</param>
public sealed record EasterOffsetRule(int OffsetDays) : HolidayDateRule
{
    /// <inheritdoc />
    public override void AddDates(int year, ICollection<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var date = Easter.Sunday(year).AddDays(OffsetDays);
        if (date.Year == year)
        {
            dates.Add(date);
        }
    }
}

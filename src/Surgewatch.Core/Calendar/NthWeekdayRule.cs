namespace Surgewatch.Core.Calendar;

/// <summary>
/// The <see cref="N"/>th <see cref="Weekday"/> of a month (N = 1…5, or -1 for the last), e.g. the second Monday
/// of March. <see cref="InsteadIfDay"/> and <see cref="InsteadIfWeekday"/> express rules such as Ireland's
/// St Brigid's Day: "the first Monday of February, or 1 February if that is a Friday".
/// </summary>
/// <param name="Month">1–12.</param>
/// <param name="Weekday">The weekday counted.</param>
/// <param name="N">1–5 counts from the start of the month, -1 is the last; a fifth weekday that does not exist gives no date.</param>
/// <param name="InsteadIfDay">A day of the same month used instead when it falls on <paramref name="InsteadIfWeekday"/>; null for none.</param>
/// <param name="InsteadIfWeekday">The weekday that triggers <paramref name="InsteadIfDay"/>.</param>
public sealed record NthWeekdayRule(int Month, DayOfWeek Weekday, int N, int? InsteadIfDay = null, DayOfWeek? InsteadIfWeekday = null)
    : HolidayDateRule
{
    /// <inheritdoc />
    public override void AddDates(int year, ICollection<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (InsteadIfDay is { } day && InsteadIfWeekday is { } weekday
            && day <= DateTime.DaysInMonth(year, Month) && new DateOnly(year, Month, day).DayOfWeek == weekday)
        {
            dates.Add(new DateOnly(year, Month, day));
            return;
        }

        if (Find(year, Month, Weekday, N) is { } date)
        {
            dates.Add(date);
        }
    }

    /// <summary>The <paramref name="n"/>th <paramref name="weekday"/> of a month, or null when the month has no such day.</summary>
    public static DateOnly? Find(int year, int month, DayOfWeek weekday, int n)
    {
        if (n == -1)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        var date = first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (n - 1)));
        return date.Month == month ? date : null;
    }
}

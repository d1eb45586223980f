using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Features;

/// <summary>The year-ago column: what a holiday or event day looked like the last time it came round.</summary>
public sealed partial class FeatureBuilder
{
    /// <summary>
    /// For each holiday date, the date of the same-named holiday one year earlier (Easter and Labour Day move, so
    /// "a year ago" is the holiday itself, not the same calendar date). Null without holidays.
    /// </summary>
    private static Dictionary<DateOnly, DateOnly>? PreviousHolidays(HolidayCalendar? holidays)
    {
        if (holidays is null)
        {
            return null;
        }

        var byNameYear = new Dictionary<(string, int), DateOnly>();
        foreach (var h in holidays.Holidays)
        {
            byNameYear.TryAdd((h.Name, h.Date.Year), h.Date);
        }

        var previous = new Dictionary<DateOnly, DateOnly>();
        foreach (var h in holidays.Holidays)
        {
            if (byNameYear.TryGetValue((h.Name, h.Date.Year - 1), out var before))
            {
                previous[h.Date] = before;
            }
        }

        return previous;
    }

    /// <summary>
    /// The reading at the target's hour on the day a year before that matches the target's: the same holiday last year
    /// when the target is a holiday, the same calendar date when an event covers the target (New Year's Eve, a
    /// festival); scaled, and NaN on other days, before the data, or in an outage.
    /// </summary>
    private float YearAgo(int series, int origin, int target, TimeLabel label)
    {
        DateOnly before;
        if (_previousHolidays is not null && _previousHolidays.TryGetValue(label.Date, out var holiday))
        {
            before = holiday;
        }
        else if (_events is not null && target < _events[series].Length && _events[series][target])
        {
            before = label.Date.AddYears(-1);
        }
        else
        {
            return float.NaN;
        }

        var slot = target - ((label.Date.DayNumber - before.DayNumber) * _perDay);
        return slot < 0 || slot > origin ? float.NaN : (float)(At(series, slot, origin) / ScaleAt(series, origin));
    }
}

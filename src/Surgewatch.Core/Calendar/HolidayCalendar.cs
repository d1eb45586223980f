namespace Surgewatch.Core.Calendar;

/// <summary>
/// A region's holidays over a span of whole years, held as day flags so that feature builders can ask
/// per slot without allocating: is this a holiday, a working day, a bridge day, how many days to the next or
/// since the previous holiday. Queries accept dates from 1 January of the first year to 31 December of the
/// last year; the flags reach one year further on each side so that bounded searches near the ends are right.
/// </summary>
public sealed class HolidayCalendar
{
    /// <summary>The largest look-ahead or look-back the distance queries accept.</summary>
    public const int MaxSearchDays = 366;

    private readonly int _originDayNumber;
    private readonly bool[] _holiday;
    private readonly bool[] _weekend;
    private readonly Dictionary<DateOnly, Holiday> _byDate;

    internal HolidayCalendar(HolidayRegion region, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (lastYear < firstYear)
        {
            throw new ArgumentException($"The last year ({lastYear}) is before the first ({firstYear}).", nameof(lastYear));
        }

        Region = region;
        First = new DateOnly(firstYear, 1, 1);
        Last = new DateOnly(lastYear, 12, 31);
        var origin = new DateOnly(firstYear - 1, 1, 1);
        var end = new DateOnly(lastYear + 1, 12, 31);
        _originDayNumber = origin.DayNumber;
        _holiday = new bool[end.DayNumber - origin.DayNumber + 1];
        _weekend = new bool[_holiday.Length];
        for (var i = 0; i < _weekend.Length; i++)
        {
            _weekend[i] = region.Weekend.Contains(origin.AddDays(i).DayOfWeek);
        }

        _byDate = [];
        var holidays = new List<Holiday>();
        for (var year = firstYear - 1; year <= lastYear + 1; year++)
        {
            foreach (var holiday in region.HolidaysIn(year))
            {
                _holiday[holiday.Date.DayNumber - _originDayNumber] = true;
                _byDate[holiday.Date] = holiday;
                if (holiday.Date >= First && holiday.Date <= Last)
                {
                    holidays.Add(holiday);
                }
            }
        }

        Holidays = holidays;
    }

    /// <summary>The region the calendar was built from.</summary>
    public HolidayRegion Region { get; }

    /// <summary>The first date queries accept (1 January of the first year).</summary>
    public DateOnly First { get; }

    /// <summary>The last date queries accept (31 December of the last year).</summary>
    public DateOnly Last { get; }

    /// <summary>The holidays from <see cref="First"/> to <see cref="Last"/>, sorted by date.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>True when <paramref name="date"/> is a holiday (substitute days included).</summary>
    public bool IsHoliday(DateOnly date) => _holiday[Index(date)];

    /// <summary>True when the day of <paramref name="label"/> is a holiday.</summary>
    public bool IsHoliday(TimeLabel label) => IsHoliday(label.Date);

    /// <summary>Finds the holiday on <paramref name="date"/>.</summary>
    public bool TryGetHoliday(DateOnly date, out Holiday holiday)
    {
        _ = Index(date);
        return _byDate.TryGetValue(date, out holiday);
    }

    /// <summary>True when <paramref name="date"/> is neither a weekend day nor a holiday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var i = Index(date);
        return !_holiday[i] && !_weekend[i];
    }

    /// <summary>
    /// True for a bridge day: a working day whose day before and day after are both non-working, at least one of
    /// them a holiday (the Friday after a Thursday holiday, the Monday before a Tuesday holiday).
    /// </summary>
    public bool IsBridgeDay(DateOnly date)
    {
        var i = Index(date);
        if (_holiday[i] || _weekend[i])
        {
            return false;
        }

        var beforeOff = _holiday[i - 1] || _weekend[i - 1];
        var afterOff = _holiday[i + 1] || _weekend[i + 1];
        return beforeOff && afterOff && (_holiday[i - 1] || _holiday[i + 1]);
    }

    /// <summary>
    /// Days from <paramref name="date"/> to the next holiday, 0 when the date is one; null when there is none
    /// within <paramref name="maxDays"/> days (a bounded feature: the caller decides what "far" encodes as).
    /// </summary>
    public int? DaysUntilNextHoliday(DateOnly date, int maxDays = 7) => Distance(date, maxDays, +1);

    /// <summary>Days since the previous holiday, 0 when the date is one; null when there is none within <paramref name="maxDays"/> days.</summary>
    public int? DaysSincePreviousHoliday(DateOnly date, int maxDays = 7) => Distance(date, maxDays, -1);

    private int? Distance(DateOnly date, int maxDays, int direction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDays, MaxSearchDays);
        var i = Index(date);
        for (var k = 0; k <= maxDays; k++)
        {
            if (_holiday[i + (direction * k)])
            {
                return k;
            }
        }

        return null;
    }

    private int Index(DateOnly date)
    {
        if (date < First || date > Last)
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"This {Region.Id} calendar covers {First:yyyy-MM-dd} to {Last:yyyy-MM-dd}; build one with CalendarFor(firstYear, lastYear) that includes {date:yyyy-MM-dd}.");
        }

        return date.DayNumber - _originDayNumber;
    }
}

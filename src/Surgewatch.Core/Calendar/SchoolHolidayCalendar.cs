namespace Surgewatch.Core.Calendar;

/// <summary>
/// The school-holiday breaks of a region where they are known. Outside <see cref="Periods"/>' overall span the
/// calendar knows nothing: <see cref="IsSchoolHoliday(DateOnly)"/> answers null there rather than guessing
/// "term time".
/// </summary>
public sealed class SchoolHolidayCalendar
{
    private readonly SchoolHolidayPeriod[] _periods;

    /// <summary>Creates the calendar from its breaks, known from <paramref name="knownFrom"/> to <paramref name="knownUntil"/> inclusive.</summary>
    public SchoolHolidayCalendar(IEnumerable<SchoolHolidayPeriod> periods, DateOnly knownFrom, DateOnly knownUntil)
    {
        ArgumentNullException.ThrowIfNull(periods);
        if (knownUntil < knownFrom)
        {
            throw new ArgumentException($"The known span ends ({knownUntil:yyyy-MM-dd}) before it starts ({knownFrom:yyyy-MM-dd}).", nameof(knownUntil));
        }

        _periods = [.. periods.OrderBy(p => p.First)];
        KnownFrom = knownFrom;
        KnownUntil = knownUntil;
    }

    /// <summary>The breaks, sorted by first day.</summary>
    public IReadOnlyList<SchoolHolidayPeriod> Periods => _periods;

    /// <summary>The first day the calendar speaks for.</summary>
    public DateOnly KnownFrom { get; }

    /// <summary>The last day the calendar speaks for.</summary>
    public DateOnly KnownUntil { get; }

    /// <summary>True in a break, false in term time, null outside the known span.</summary>
    public bool? IsSchoolHoliday(DateOnly date)
    {
        if (date < KnownFrom || date > KnownUntil)
        {
            return null;
        }

        foreach (var period in _periods)
        {
            if (period.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}

namespace Surgewatch.Core.Calendar;

/// <summary>
/// The public holidays of one region (a country or a state), evaluated from its rules. Regions come from rule
/// files, read by <c>Surgewatch.Ingestion.Calendars.HolidayRegionReader</c>; adding a region means adding a file.
/// Evaluation is pure and deterministic: the same rules give the same dates for any year from 1584 to 9998.
/// </summary>
public sealed class HolidayRegion
{
    private static readonly DayOfWeek[] SaturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Creates a region from its rules.</summary>
    /// <param name="id">The region id, e.g. <c>au-vic</c> or <c>ie</c>.</param>
    /// <param name="name">A human-readable name.</param>
    /// <param name="rules">The holiday rules.</param>
    /// <param name="weekend">The weekend days; null for Saturday and Sunday.</param>
    /// <param name="timeZoneId">The IANA time zone of the region's labels, when known (informational).</param>
    public HolidayRegion(string id, string name, IReadOnlyList<HolidayRule> rules, IReadOnlySet<DayOfWeek>? weekend = null, string? timeZoneId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rules);
        if (weekend is { Count: >= 7 })
        {
            throw new ArgumentException("A week needs at least one working day; the weekend names all seven.", nameof(weekend));
        }

        Id = id;
        Name = name;
        Rules = rules;
        Weekend = weekend ?? new HashSet<DayOfWeek>(SaturdaySunday);
        TimeZoneId = timeZoneId;
    }

    /// <summary>The region id, e.g. <c>au-vic</c>.</summary>
    public string Id { get; }

    /// <summary>A human-readable name, e.g. "Victoria, Australia".</summary>
    public string Name { get; }

    /// <summary>The rules, in file order.</summary>
    public IReadOnlyList<HolidayRule> Rules { get; }

    /// <summary>The weekend days: not working days, and never chosen as substitutes.</summary>
    public IReadOnlySet<DayOfWeek> Weekend { get; }

    /// <summary>The IANA time zone id of the region, when the file gives one.</summary>
    public string? TimeZoneId { get; }

    /// <summary>
    /// The holidays of <paramref name="year"/>, sorted by date, one per date. Substitutes are found in date
    /// order: each takes the next working day that is not a holiday already (nominal holidays of the
    /// neighbouring years included, so a substitute may cross New Year).
    /// </summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, Easter.FirstYear + 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        var all = Evaluate(year - 1, year + 1);
        var result = new List<Holiday>();
        foreach (var holiday in all)
        {
            if (holiday.Date.Year == year)
            {
                result.Add(holiday);
            }
        }

        return result;
    }

    /// <summary>The holidays from <paramref name="first"/> to <paramref name="last"/> inclusive, sorted by date.</summary>
    public IReadOnlyList<Holiday> Between(DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The range ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        }

        var result = new List<Holiday>();
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var holiday in HolidaysIn(year))
            {
                if (holiday.Date >= first && holiday.Date <= last)
                {
                    result.Add(holiday);
                }
            }
        }

        return result;
    }

    /// <summary>A fast lookup calendar of this region for whole years <paramref name="firstYear"/> to <paramref name="lastYear"/>.</summary>
    public HolidayCalendar CalendarFor(int firstYear, int lastYear) => new(this, firstYear, lastYear);

    private List<Holiday> Evaluate(int firstYear, int lastYear)
    {
        var nominal = NominalDates(firstYear, lastYear);
        var taken = new HashSet<DateOnly>();
        foreach (var (date, rule) in nominal)
        {
            if (!rule.MovesAway(date))
            {
                taken.Add(date);
            }
        }

        var found = new List<Holiday>(nominal.Count + 8);
        foreach (var (date, rule) in nominal)
        {
            if (rule.Substitute is { } policy && policy.On.Contains(date.DayOfWeek))
            {
                var substitute = NextFreeWorkingDay(date, taken);
                taken.Add(substitute);
                found.Add(new Holiday(substitute, policy.NameFor(rule.Name), IsSubstitute: true));
                if (policy.Mode == SubstituteMode.Move)
                {
                    continue;
                }
            }

            found.Add(new Holiday(date, rule.Name, IsSubstitute: false));
        }

        return MergeSameDates(found);
    }

    private List<(DateOnly Date, HolidayRule Rule)> NominalDates(int firstYear, int lastYear)
    {
        var nominal = new List<(DateOnly, HolidayRule)>();
        var dates = new List<DateOnly>(4);
        for (var year = firstYear; year <= lastYear; year++)
        {
            foreach (var rule in Rules)
            {
                if (!rule.AppliesIn(year))
                {
                    continue;
                }

                dates.Clear();
                rule.Date.AddDates(year, dates);
                foreach (var date in dates)
                {
                    nominal.Add((date, rule));
                }
            }
        }

        // Stable by date: rules of the same date keep file order, so names join in a predictable order.
        return [.. nominal.OrderBy(n => n.Item1)];
    }

    private DateOnly NextFreeWorkingDay(DateOnly date, HashSet<DateOnly> taken)
    {
        var candidate = date.AddDays(1);
        while (Weekend.Contains(candidate.DayOfWeek) || taken.Contains(candidate))
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }

    private static List<Holiday> MergeSameDates(List<Holiday> found)
    {
        var sorted = found.OrderBy(h => h.Date).ToList();
        var merged = new List<Holiday>(sorted.Count);
        foreach (var holiday in sorted)
        {
            if (merged.Count > 0 && merged[^1].Date == holiday.Date)
            {
                var previous = merged[^1];
                var name = previous.Name == holiday.Name ? previous.Name : previous.Name + " / " + holiday.Name;
                merged[^1] = new Holiday(holiday.Date, name, previous.IsSubstitute && holiday.IsSubstitute);
                continue;
            }

            merged.Add(holiday);
        }

        return merged;
    }
}

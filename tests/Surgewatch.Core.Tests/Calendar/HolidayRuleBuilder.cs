using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Tests.Calendar;

/// <summary>Small builders for hand-written rule sets.</summary>
internal static class HolidayRuleBuilder
{
    public static readonly HashSet<DayOfWeek> Weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static HolidayRule Fixed(string name, int month, int day, SubstitutePolicy? substitute = null, int? from = null, int? until = null) =>
        new(name, new FixedDateRule(month, day), from, until, substitute);

    public static SubstitutePolicy Additional(string? name = null) => new(Weekend, SubstituteMode.Additional, name);

    public static SubstitutePolicy Move() => new(Weekend, SubstituteMode.Move);

    public static SubstitutePolicy SundayOnly() => new(new HashSet<DayOfWeek> { DayOfWeek.Sunday }, SubstituteMode.Additional);

    public static HolidayRegion Region(params HolidayRule[] rules) => new("test", "Test region", rules);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string[] Dates(IEnumerable<Holiday> holidays) =>
        [.. holidays.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Calendar;

namespace Surgewatch.Core.Tests.Calendar;

public partial class HolidayRegionTest
{
    private static readonly Gen<SubstitutePolicy?> Substitutes = Gen.Elements<SubstitutePolicy?>(
        null,
        HolidayRuleBuilder.Additional(),
        HolidayRuleBuilder.Move(),
        HolidayRuleBuilder.SundayOnly());

    private static readonly Gen<HolidayDateRule> DateRules = Gen.OneOf(
        Gen.Choose(1, 12).SelectMany(m => Gen.Choose(1, 28), (m, d) => (HolidayDateRule)new FixedDateRule(m, d)),
        Gen.Choose(1, 12).SelectMany(
            _ => Gen.Zip(Gen.Choose(0, 6), Gen.Choose(-1, 5).Where(n => n != 0)),
            (m, wn) => (HolidayDateRule)new NthWeekdayRule(m, (DayOfWeek)wn.Item1, wn.Item2)),
        Gen.Choose(-60, 60).Select(o => (HolidayDateRule)new EasterOffsetRule(o)));

    private static readonly Gen<HolidayRule> Rules = DateRules.SelectMany(
        _ => Substitutes,
        (date, substitute) => new HolidayRule("h", date, Substitute: substitute));

    private static readonly Arbitrary<(HolidayRegion Region, int Year)> RegionsAndYears = Gen.Choose(0, 15)
        .SelectMany(n => Gen.ListOf(Rules, n), (_, rules) => new HolidayRegion("gen", "Generated", [.. rules]))
        .SelectMany(_ => Gen.Choose(1600, 9900), (region, year) => (region, year))
        .ToArbitrary();

    [Property]
    public Property HolidaysIn_AnyRulesAndYear_AreUniqueSortedAndWithinTheYear() =>
        Prop.ForAll(RegionsAndYears, x =>
        {
            var holidays = x.Region.HolidaysIn(x.Year);
            var dates = holidays.Select(h => h.Date).ToList();
            return dates.All(d => d.Year == x.Year)
                && dates.SequenceEqual(dates.Order())
                && dates.Distinct().Count() == dates.Count;
        });

    [Property]
    public Property HolidaysIn_AnyRulesAndYear_SubstitutesFallOnWorkingDays() =>
        Prop.ForAll(RegionsAndYears, x => x.Region.HolidaysIn(x.Year)
            .Where(h => h.IsSubstitute)
            .All(h => h.Date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday));
}

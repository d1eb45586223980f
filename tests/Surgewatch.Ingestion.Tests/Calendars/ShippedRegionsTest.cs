using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Calendars;

namespace Surgewatch.Ingestion.Tests.Calendars;

/// <summary>Properties every shipped region must have, whatever the year.</summary>
public class ShippedRegionsTest
{
    private static readonly HolidayRegion[] Regions = [.. CalendarLibrary.Shipped.RegionIds().Select(CalendarLibrary.Shipped.LoadRegion)];

    private static readonly Arbitrary<(HolidayRegion Region, int Year)> RegionsAndYears =
        Gen.Elements(Regions).SelectMany(_ => Gen.Choose(1900, 2200), (region, year) => (region, year)).ToArbitrary();

    [Fact]
    public void RegionIds_Shipped_IncludeVictoriaAndIreland() =>
        CalendarLibrary.Shipped.RegionIds().Should().Contain(["au-vic", "ie"]);

    [Property(MaxTest = 300)]
    public Property HolidaysIn_AnyRegionAndYear_AreUniqueSortedAndWithinTheYear() =>
        Prop.ForAll(RegionsAndYears, x =>
        {
            var dates = x.Region.HolidaysIn(x.Year).Select(h => h.Date).ToList();
            return dates.Count > 0
                && dates.All(d => d.Year == x.Year)
                && dates.SequenceEqual(dates.Order())
                && dates.Distinct().Count() == dates.Count;
        });

    [Property(MaxTest = 300)]
    public Property HolidaysIn_AnyRegionAndYear_SubstitutesAreWeekdays() =>
        Prop.ForAll(RegionsAndYears, x => x.Region.HolidaysIn(x.Year)
            .Where(h => h.IsSubstitute)
            .All(h => !x.Region.Weekend.Contains(h.Date.DayOfWeek)));

    [Fact]
    public void CalendarFor_DatasetYears_AnswersFeatureQueries()
    {
        var calendar = ShippedHoliday.Victoria.CalendarFor(2009, 2014);

        calendar.IsHoliday(new DateOnly(2013, 11, 5)).Should().BeTrue(); // Melbourne Cup
        calendar.IsBridgeDay(new DateOnly(2013, 11, 4)).Should().BeTrue(); // the Monday before it
        calendar.DaysUntilNextHoliday(new DateOnly(2013, 12, 20)).Should().Be(5);
        calendar.DaysSincePreviousHoliday(new DateOnly(2009, 1, 1)).Should().Be(0);
    }
}

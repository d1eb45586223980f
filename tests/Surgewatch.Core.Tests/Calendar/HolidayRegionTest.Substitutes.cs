using Surgewatch.Core.Calendar;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;

namespace Surgewatch.Core.Tests.Calendar;

public partial class HolidayRegionTest
{
    [Fact]
    public void HolidaysIn_AdditionalOnSaturday_KeepsTheDayAndAddsMonday()
    {
        var region = Region(Fixed("New Year's Day", 1, 1, Additional("New Year's Day (additional day)")));

        region.HolidaysIn(2022).Should().Equal(
            new Holiday(D("2022-01-01"), "New Year's Day", false),
            new Holiday(D("2022-01-03"), "New Year's Day (additional day)", true));
    }

    [Fact]
    public void HolidaysIn_MoveOnSunday_ReplacesTheDayWithMonday()
    {
        var region = Region(Fixed("Australia Day", 1, 26, Move()));

        region.HolidaysIn(2014).Should().Equal(new Holiday(D("2014-01-27"), "Australia Day", true));
    }

    [Fact]
    public void HolidaysIn_SubstituteOnWeekday_AddsNothing() =>
        Dates(Region(Fixed("Australia Day", 1, 26, Move())).HolidaysIn(2015)).Should().Equal("2015-01-26");

    [Fact]
    public void HolidaysIn_ChristmasOnSunday_SkipsBoxingDayMondayToTuesday()
    {
        var region = Region(Fixed("Christmas Day", 12, 25, Additional()), Fixed("Boxing Day", 12, 26, Additional()));

        region.HolidaysIn(2022).Should().Equal(
            new Holiday(D("2022-12-25"), "Christmas Day", false),
            new Holiday(D("2022-12-26"), "Boxing Day", false),
            new Holiday(D("2022-12-27"), "Christmas Day (substitute day)", true));
    }

    [Fact]
    public void HolidaysIn_ChristmasSaturdayBoxingSunday_GivesMondayAndTuesdayInDateOrder()
    {
        var region = Region(Fixed("Christmas Day", 12, 25, Additional()), Fixed("Boxing Day", 12, 26, Additional()));

        Dates(region.HolidaysIn(2021)).Should().Equal("2021-12-25", "2021-12-26", "2021-12-27", "2021-12-28");
        region.HolidaysIn(2021)[2].Name.Should().StartWith("Christmas");
        region.HolidaysIn(2021)[3].Name.Should().StartWith("Boxing");
    }

    [Fact]
    public void HolidaysIn_MovedChristmasOnSaturday_IsNotAHolidayOnTheDay()
    {
        // Victoria before 2016: Christmas on a Saturday moved to Monday; Boxing Day on Sunday stayed and added Tuesday.
        var region = Region(Fixed("Christmas Day", 12, 25, Move()), Fixed("Boxing Day", 12, 26, Additional()));

        Dates(region.HolidaysIn(2010)).Should().Equal("2010-12-26", "2010-12-27", "2010-12-28");
    }

    [Fact]
    public void HolidaysIn_SundayOnlyPolicy_IgnoresSaturday()
    {
        var region = Region(Fixed("Day", 3, 17, SundayOnly()));

        Dates(region.HolidaysIn(2018)).Should().Equal("2018-03-17"); // Saturday
        Dates(region.HolidaysIn(2019)).Should().Equal("2019-03-17", "2019-03-18"); // Sunday
    }

    [Fact]
    public void HolidaysIn_SubstituteMeetsLaterNominalHoliday_SkipsPastIt()
    {
        // Saturday 1 June 2013: Monday 3 June is already a holiday, so the substitute is Tuesday.
        var region = Region(
            Fixed("Saturday holiday", 6, 1, Additional()),
            new HolidayRule("June Monday", new NthWeekdayRule(6, DayOfWeek.Monday, 1)));

        Dates(region.HolidaysIn(2013)).Should().Equal("2013-06-01", "2013-06-03", "2013-06-04");
    }

    [Fact]
    public void HolidaysIn_SubstituteCrossingNewYear_BelongsToTheNextYear()
    {
        var region = Region(Fixed("Year's end", 12, 31, Additional()), Fixed("New Year's Day", 1, 1));

        Dates(region.HolidaysIn(2022)).Should().Equal("2022-01-01", "2022-12-31");
        Dates(region.HolidaysIn(2023)).Should().Equal("2023-01-01", "2023-01-02", "2023-12-31");
    }

    [Fact]
    public void HolidaysIn_CustomWeekend_SubstitutesOnTheRegionsWorkingDays()
    {
        var fridaySaturday = new HashSet<DayOfWeek> { DayOfWeek.Friday, DayOfWeek.Saturday };
        var rule = Fixed("Day", 3, 7, new SubstitutePolicy(fridaySaturday, SubstituteMode.Move));
        var region = new HolidayRegion("fs", "Friday-Saturday weekend", [rule], fridaySaturday);

        Dates(region.HolidaysIn(2014)).Should().Equal("2014-03-09"); // Friday 7 March moves to Sunday
    }
}

using Surgewatch.Core.Calendar;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;

namespace Surgewatch.Core.Tests.Calendar;

public partial class HolidayRegionTest
{
    [Fact]
    public void HolidaysIn_FixedDate_GivesThatDateEveryYear()
    {
        var region = Region(Fixed("Day", 7, 14));

        Dates(region.HolidaysIn(2013)).Should().Equal("2013-07-14");
        Dates(region.HolidaysIn(2014)).Should().Equal("2014-07-14");
    }

    [Fact]
    public void HolidaysIn_TwentyNinthFebruary_OnlyInLeapYears()
    {
        var region = Region(Fixed("Leap", 2, 29));

        region.HolidaysIn(2023).Should().BeEmpty();
        Dates(region.HolidaysIn(2024)).Should().Equal("2024-02-29");
    }

    [Theory]
    [InlineData(2, "2014-03-10")] // Victoria's Labour Day 2014
    [InlineData(-1, "2014-03-31")]
    [InlineData(5, "2014-03-31")]
    public void HolidaysIn_NthWeekday_CountsFromTheStartOrTheEnd(int n, string expected)
    {
        var region = Region(new HolidayRule("Monday", new NthWeekdayRule(3, DayOfWeek.Monday, n)));

        Dates(region.HolidaysIn(2014)).Should().Equal(expected);
    }

    [Fact]
    public void HolidaysIn_FifthWeekdayMissing_GivesNoDate()
    {
        var region = Region(new HolidayRule("Fifth Monday", new NthWeekdayRule(2, DayOfWeek.Monday, 5)));

        region.HolidaysIn(2014).Should().BeEmpty();
    }

    [Theory]
    [InlineData(2023, "2023-02-06")] // 1 Feb is a Wednesday
    [InlineData(2025, "2025-02-03")] // 1 Feb is a Saturday
    [InlineData(2030, "2030-02-01")] // 1 Feb is a Friday: the day itself
    public void HolidaysIn_InsteadIfRule_UsesTheFixedDayOnlyOnItsWeekday(int year, string expected)
    {
        var brigid = new NthWeekdayRule(2, DayOfWeek.Monday, 1, InsteadIfDay: 1, InsteadIfWeekday: DayOfWeek.Friday);

        Dates(Region(new HolidayRule("St Brigid's Day", brigid)).HolidaysIn(year)).Should().Equal(expected);
    }

    [Fact]
    public void HolidaysIn_EasterOffsets_FollowEasterSunday()
    {
        var region = Region(new HolidayRule("Good Friday", new EasterOffsetRule(-2)), new HolidayRule("Easter Monday", new EasterOffsetRule(1)));

        Dates(region.HolidaysIn(2025)).Should().Equal("2025-04-18", "2025-04-21");
    }

    [Fact]
    public void HolidaysIn_ListedDates_OnlyTheYearsListed()
    {
        var region = Region(new HolidayRule("One-off", new ListedDatesRule([D("2022-09-22"), D("2015-10-02")])));

        Dates(region.HolidaysIn(2022)).Should().Equal("2022-09-22");
        region.HolidaysIn(2021).Should().BeEmpty();
    }

    [Fact]
    public void HolidaysIn_ValidityRange_AppliesFromAndUntilInclusive()
    {
        var region = Region(
            Fixed("Queen's Birthday", 6, 1, until: 2022),
            Fixed("King's Birthday", 6, 1, from: 2023));

        region.HolidaysIn(2022).Single().Name.Should().Be("Queen's Birthday");
        region.HolidaysIn(2023).Single().Name.Should().Be("King's Birthday");
    }

    [Fact]
    public void HolidaysIn_TwoHolidaysOnOneDate_MergesTheirNames()
    {
        var region = Region(new HolidayRule("Easter Monday", new EasterOffsetRule(1)), Fixed("ANZAC Day", 4, 25));

        region.HolidaysIn(2011).Should().ContainSingle().Which.Should().Be(new Holiday(D("2011-04-25"), "Easter Monday / ANZAC Day", false));
    }

    [Fact]
    public void Between_RangeAcrossYears_GivesHolidaysInsideTheRangeOnly()
    {
        var region = Region(Fixed("New Year's Day", 1, 1), Fixed("Christmas Day", 12, 25));

        Dates(region.Between(D("2013-12-25"), D("2014-12-24"))).Should().Equal("2013-12-25", "2014-01-01");
    }

    [Fact]
    public void Between_EndBeforeStart_Throws() =>
        FluentActions.Invoking(() => Region().Between(D("2014-01-02"), D("2014-01-01"))).Should().Throw<ArgumentException>();

    [Fact]
    public void Constructor_WeekendOfSevenDays_Throws() =>
        FluentActions.Invoking(() => new HolidayRegion("x", "X", [], new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>())))
            .Should().Throw<ArgumentException>().WithMessage("*working day*");
}

using static Surgewatch.Ingestion.Tests.Calendars.ShippedHoliday;

namespace Surgewatch.Ingestion.Tests.Calendars;

/// <summary>
/// The shipped au-vic rules against the public record: the Public Holidays Act 1993 (Vic) s 6 as in force each
/// year, and the lists published by the Victorian Government (business.vic.gov.au) and press.
/// </summary>
public class VictoriaHolidaysTest
{
    [Fact]
    public void HolidaysIn_2014_MatchesThePublishedList() =>
        Lines(Victoria.HolidaysIn(2014)).Should().Equal(
            "2014-01-01 New Year's Day",
            "2014-01-27 Australia Day", // 26 January was a Sunday: the holiday moved to Monday
            "2014-03-10 Labour Day",
            "2014-04-18 Good Friday",
            "2014-04-19 Saturday before Easter Sunday",
            "2014-04-21 Easter Monday", // no Easter Sunday holiday before 2016
            "2014-04-25 ANZAC Day",
            "2014-06-09 Queen's Birthday",
            "2014-11-04 Melbourne Cup Day",
            "2014-12-25 Christmas Day",
            "2014-12-26 Boxing Day");

    [Fact]
    public void HolidaysIn_2023_MatchesThePublishedList() =>
        Lines(Victoria.HolidaysIn(2023)).Should().Equal(
            "2023-01-01 New Year's Day",
            "2023-01-02 New Year's Day (additional day)",
            "2023-01-26 Australia Day",
            "2023-03-13 Labour Day",
            "2023-04-07 Good Friday",
            "2023-04-08 Saturday before Easter Sunday",
            "2023-04-09 Easter Sunday",
            "2023-04-10 Easter Monday",
            "2023-04-25 ANZAC Day",
            "2023-06-12 King's Birthday",
            "2023-09-29 Friday before the AFL Grand Final",
            "2023-11-07 Melbourne Cup Day",
            "2023-12-25 Christmas Day",
            "2023-12-26 Boxing Day");

    [Theory]
    [InlineData(2009, "2009-12-25", "2009-12-26", "2009-12-28")] // Boxing Day Saturday: Monday added
    [InlineData(2010, "2010-12-26", "2010-12-27", "2010-12-28")] // Christmas Saturday moved to Monday (not a holiday itself before 2016)
    [InlineData(2011, "2011-12-26", "2011-12-27")]               // Christmas Sunday moved to Tuesday
    [InlineData(2016, "2016-12-25", "2016-12-26", "2016-12-27")] // Christmas Sunday declared a holiday as well
    [InlineData(2021, "2021-12-25", "2021-12-26", "2021-12-27", "2021-12-28")]
    [InlineData(2022, "2022-12-25", "2022-12-26", "2022-12-27")]
    public void HolidaysIn_ChristmasWeekends_FollowTheActOfTheYear(int year, params string[] expected) =>
        Dates(Victoria.Between(new DateOnly(year, 12, 20), new DateOnly(year, 12, 31))).Should().Equal(expected);

    [Theory]
    [InlineData(2011, "2011-01-01", "2011-01-03")] // New Year Saturday: Monday added
    [InlineData(2012, "2012-01-01", "2012-01-02")] // New Year Sunday: Monday added
    [InlineData(2019, "2019-01-01")]               // a Tuesday
    public void HolidaysIn_NewYearWeekend_AddsTheMonday(int year, params string[] expected) =>
        Dates(Victoria.Between(new DateOnly(year, 1, 1), new DateOnly(year, 1, 7))).Should().Equal(expected);

    [Theory]
    [InlineData(2014, "2014-01-27")]
    [InlineData(2019, "2019-01-28")] // Saturday 26 January: Monday instead
    [InlineData(2025, "2025-01-27")]
    [InlineData(2026, "2026-01-26")]
    public void HolidaysIn_AustraliaDay_MovesOffWeekends(int year, string expected) =>
        Victoria.HolidaysIn(year).Single(h => h.Name == "Australia Day").Date.ToString("yyyy-MM-dd", null).Should().Be(expected);

    [Theory]
    [InlineData(2009, "2009-04-25")]               // Saturday: no extra day
    [InlineData(2010, "2010-04-25", "2010-04-26")] // Sunday: Monday declared for 2010
    [InlineData(2011, "2011-04-25", "2011-04-26")] // on Easter Monday: Tuesday declared
    [InlineData(2015, "2015-04-25")]               // Saturday: no extra day
    [InlineData(2021, "2021-04-25")]               // Sunday: no replacement day
    public void HolidaysIn_AnzacDay_HasAReplacementOnlyWhenDeclared(int year, params string[] expected) =>
        Dates(Victoria.HolidaysIn(year).Where(h => h.Name.Contains("ANZAC", StringComparison.Ordinal))).Should().Equal(expected);

    [Theory]
    [InlineData(2015, "2015-10-02")]
    [InlineData(2016, "2016-09-30")]
    [InlineData(2020, "2020-10-23")] // Grand Final in Brisbane on 24 October
    [InlineData(2025, "2025-09-26")]
    public void HolidaysIn_GrandFinalFriday_IsTheListedFriday(int year, string expected)
    {
        var friday = Victoria.HolidaysIn(year).Single(h => h.Name == "Friday before the AFL Grand Final");

        friday.Date.ToString("yyyy-MM-dd", null).Should().Be(expected);
        friday.Date.DayOfWeek.Should().Be(DayOfWeek.Friday);
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2026)] // not yet declared: no guessed date
    public void HolidaysIn_YearWithoutGrandFinalFriday_HasNone(int year) =>
        Victoria.HolidaysIn(year).Should().NotContain(h => h.Name.Contains("Grand Final", StringComparison.Ordinal));

    [Fact]
    public void HolidaysIn_EasterSunday_FromTwentySixteen()
    {
        Victoria.HolidaysIn(2015).Should().NotContain(h => h.Name == "Easter Sunday");
        Victoria.HolidaysIn(2016).Should().Contain(h => h.Name == "Easter Sunday" && h.Date == new DateOnly(2016, 3, 27));
    }

    [Fact]
    public void HolidaysIn_2022_IncludesTheNationalDayOfMourning() =>
        Victoria.HolidaysIn(2022).Should().Contain(h => h.Date == new DateOnly(2022, 9, 22) && h.Name.Contains("Mourning", StringComparison.Ordinal));
}

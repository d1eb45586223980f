using static Surgewatch.Ingestion.Tests.Calendars.ShippedHoliday;

namespace Surgewatch.Ingestion.Tests.Calendars;

/// <summary>
/// The shipped ie rules against the public record: Organisation of Working Time Act 1997 Schedule 2, St Brigid's
/// Day from 2023 (Citizens Information), the once-off 18 March 2022, and the bank-holiday Mondays.
/// </summary>
public class IrelandHolidaysTest
{
    [Fact]
    public void HolidaysIn_2023_MatchesThePublishedList() =>
        Lines(Ireland.HolidaysIn(2023)).Should().Equal(
            "2023-01-01 New Year's Day",
            "2023-01-02 New Year's Day (bank holiday)",
            "2023-02-06 St Brigid's Day",
            "2023-03-17 St Patrick's Day",
            "2023-04-10 Easter Monday",
            "2023-05-01 May Day",
            "2023-06-05 June Bank Holiday",
            "2023-08-07 August Bank Holiday",
            "2023-10-30 October Bank Holiday",
            "2023-12-25 Christmas Day",
            "2023-12-26 St Stephen's Day");

    [Fact]
    public void HolidaysIn_2024_MatchesThePublishedList() =>
        Lines(Ireland.HolidaysIn(2024)).Should().Equal(
            "2024-01-01 New Year's Day",
            "2024-02-05 St Brigid's Day",
            "2024-03-17 St Patrick's Day",
            "2024-03-18 St Patrick's Day (bank holiday)",
            "2024-04-01 Easter Monday",
            "2024-05-06 May Day",
            "2024-06-03 June Bank Holiday",
            "2024-08-05 August Bank Holiday",
            "2024-10-28 October Bank Holiday",
            "2024-12-25 Christmas Day",
            "2024-12-26 St Stephen's Day");

    [Fact]
    public void HolidaysIn_2022_HasTheOnceOffDayAndChristmasSubstitute()
    {
        var holidays = Ireland.HolidaysIn(2022);

        Lines(holidays.Where(h => h.Date.Month is 3 or 12)).Should().Equal(
            "2022-03-17 St Patrick's Day",
            "2022-03-18 Day of Remembrance and Recognition",
            "2022-12-25 Christmas Day",
            "2022-12-26 St Stephen's Day",
            "2022-12-27 Christmas Day (bank holiday)"); // 26th is already St Stephen's: Christmas's day is the Tuesday
        holidays.Single(h => h.Date == new DateOnly(2022, 12, 27)).IsSubstitute.Should().BeTrue();
    }

    [Fact]
    public void HolidaysIn_ChristmasSaturday_GivesMondayAndTuesday() =>
        Dates(Ireland.Between(new DateOnly(2021, 12, 24), new DateOnly(2021, 12, 31)))
            .Should().Equal("2021-12-25", "2021-12-26", "2021-12-27", "2021-12-28");

    [Theory]
    [InlineData(2022)]
    [InlineData(2019)]
    public void HolidaysIn_BeforeTwentyThree_HasNoStBrigidsDay(int year) =>
        Ireland.HolidaysIn(year).Should().NotContain(h => h.Name == "St Brigid's Day");

    [Theory]
    [InlineData(2025, "2025-02-03")]
    [InlineData(2026, "2026-02-02")]
    [InlineData(2030, "2030-02-01")] // 1 February is a Friday
    public void HolidaysIn_StBrigidsDay_FirstMondayOrFridayTheFirst(int year, string expected) =>
        Ireland.HolidaysIn(year).Single(h => h.Name == "St Brigid's Day").Date.ToString("yyyy-MM-dd", null).Should().Be(expected);

    [Fact]
    public void HolidaysIn_AnyYear_HasNoGoodFriday() =>
        Enumerable.Range(2009, 22).SelectMany(Ireland.HolidaysIn).Should().NotContain(h => h.Name.Contains("Good Friday", StringComparison.Ordinal));
}

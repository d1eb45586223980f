using Surgewatch.Core.Calendar;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;

namespace Surgewatch.Core.Tests.Calendar;

public class HolidayCalendarTest
{
    // 2014: Thursday 25 December, Friday 26 December; Tuesday 4 November; Wednesday 1 January.
    private static readonly HolidayCalendar Calendar = Region(
            Fixed("New Year's Day", 1, 1),
            new HolidayRule("Cup Day", new NthWeekdayRule(11, DayOfWeek.Tuesday, 1)),
            Fixed("Christmas Day", 12, 25),
            Fixed("Boxing Day", 12, 26),
            Fixed("Thursday", 5, 1))
        .CalendarFor(2014, 2014);

    [Fact]
    public void IsHoliday_HolidayAndOrdinaryDay_AnswersEach()
    {
        Calendar.IsHoliday(D("2014-11-04")).Should().BeTrue();
        Calendar.IsHoliday(D("2014-11-05")).Should().BeFalse();
        Calendar.IsHoliday(TimeLabel.FromDate(D("2014-12-25")) + TimeSpan.FromHours(23)).Should().BeTrue();
    }

    [Fact]
    public void TryGetHoliday_Holiday_GivesItsName()
    {
        Calendar.TryGetHoliday(D("2014-12-26"), out var holiday).Should().BeTrue();
        holiday.Name.Should().Be("Boxing Day");
        Calendar.TryGetHoliday(D("2014-12-27"), out _).Should().BeFalse();
    }

    [Fact]
    public void Holidays_Span_ListsOnlyTheCoveredYears() =>
        Dates(Calendar.Holidays).Should().Equal("2014-01-01", "2014-05-01", "2014-11-04", "2014-12-25", "2014-12-26");

    [Theory]
    [InlineData("2014-12-25", 0)]
    [InlineData("2014-12-20", 5)]
    [InlineData("2014-12-18", 7)]
    [InlineData("2014-12-31", 1)] // New Year's Day 2015 is outside the span's years but inside its margin
    public void DaysUntilNextHoliday_WithinBound_CountsDays(string date, int expected) =>
        Calendar.DaysUntilNextHoliday(D(date)).Should().Be(expected);

    [Fact]
    public void DaysUntilNextHoliday_BeyondBound_IsNull() =>
        Calendar.DaysUntilNextHoliday(D("2014-12-17")).Should().BeNull();

    [Theory]
    [InlineData("2014-12-26", 0)]
    [InlineData("2014-12-30", 4)]
    [InlineData("2014-11-11", 7)]
    public void DaysSincePreviousHoliday_WithinBound_CountsDays(string date, int expected) =>
        Calendar.DaysSincePreviousHoliday(D(date)).Should().Be(expected);

    [Fact]
    public void DaysSincePreviousHoliday_LongerBound_FindsFartherHolidays()
    {
        Calendar.DaysSincePreviousHoliday(D("2014-11-12")).Should().BeNull();
        Calendar.DaysSincePreviousHoliday(D("2014-11-12"), maxDays: 14).Should().Be(8);
    }

    [Theory]
    [InlineData("2014-05-02", true)]   // Friday between Thursday 1 May (holiday) and the weekend
    [InlineData("2014-11-03", true)]   // Monday between the weekend and Cup Day
    [InlineData("2014-11-05", false)]  // Wednesday after Cup Day: Thursday is a working day
    [InlineData("2014-11-04", false)]  // the holiday itself
    [InlineData("2014-11-08", false)]  // a Saturday
    [InlineData("2014-06-13", false)]  // a Friday before an ordinary weekend
    public void IsBridgeDay_Examples_NeedAHolidayNextToIt(string date, bool expected) =>
        Calendar.IsBridgeDay(D(date)).Should().Be(expected);

    [Theory]
    [InlineData("2014-11-04", false)]
    [InlineData("2014-11-08", false)]
    [InlineData("2014-11-05", true)]
    public void IsWorkingDay_Examples_ExcludeHolidaysAndWeekends(string date, bool expected) =>
        Calendar.IsWorkingDay(D(date)).Should().Be(expected);

    [Fact]
    public void IsHoliday_OutsideSpan_ThrowsWithTheSpan() =>
        FluentActions.Invoking(() => Calendar.IsHoliday(D("2015-01-01")))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*2014-01-01 to 2014-12-31*");

    [Fact]
    public void DaysUntilNextHoliday_BoundTooLarge_Throws() =>
        FluentActions.Invoking(() => Calendar.DaysUntilNextHoliday(D("2014-06-01"), HolidayCalendar.MaxSearchDays + 1))
            .Should().Throw<ArgumentOutOfRangeException>();
}

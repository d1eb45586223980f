using Surgewatch.Core.Calendar;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;

namespace Surgewatch.Core.Tests.Calendar;

public class SchoolHolidayParserTest
{
    private const string Valid = """
        # made-up breaks for a test region
        # known: 2030-01-01..2030-12-31
        name,first,last
        Summer break,2030-01-01,2030-01-28
        "Autumn break, short",2030-04-13,2030-04-28
        """;

    [Fact]
    public void Parse_ValidFile_ReadsBreaksAndKnownSpan()
    {
        var calendar = SchoolHolidayParser.Parse(Valid, "school.csv");

        calendar.Periods.Select(p => p.Name).Should().Equal("Summer break", "Autumn break, short");
        calendar.KnownFrom.Should().Be(D("2030-01-01"));
        calendar.KnownUntil.Should().Be(D("2030-12-31"));
    }

    [Theory]
    [InlineData("2030-01-28", true)]
    [InlineData("2030-01-29", false)]
    [InlineData("2030-12-31", false)]
    public void IsSchoolHoliday_InsideKnownSpan_AnswersTrueOrFalse(string date, bool expected) =>
        SchoolHolidayParser.Parse(Valid, "school.csv").IsSchoolHoliday(D(date)).Should().Be(expected);

    [Fact]
    public void IsSchoolHoliday_OutsideKnownSpan_IsNull() =>
        SchoolHolidayParser.Parse(Valid, "school.csv").IsSchoolHoliday(D("2031-01-05")).Should().BeNull();

    [Fact]
    public void Parse_WithoutKnownLine_SpansTheBreaks()
    {
        var calendar = SchoolHolidayParser.Parse("name,first,last\nA,2030-04-13,2030-04-28\nB,2030-07-01,2030-07-14\n", "s.csv");

        (calendar.KnownFrom, calendar.KnownUntil).Should().Be((D("2030-04-13"), D("2030-07-14")));
    }

    [Theory]
    [InlineData("A,2030-04-28,2030-04-13", "last")]
    [InlineData("A,2030-02-30,2030-04-13", "first")]
    [InlineData(",2030-04-13,2030-04-28", "name")]
    public void Parse_InvalidRow_ReportsLineAndField(string row, string field)
    {
        var error = FluentActions.Invoking(() => SchoolHolidayParser.Parse($"name,first,last\n{row}\n", "s.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single();

        (error.Line, error.Field).Should().Be((2, field));
    }

    [Fact]
    public void Parse_BadKnownLine_IsAnError() =>
        FluentActions.Invoking(() => SchoolHolidayParser.Parse("# known: 2030-12-31..2030-01-01\nname,first,last\nA,2030-04-13,2030-04-28\n", "s.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single().Field.Should().Be("known");

    [Fact]
    public void Parse_NoBreaks_IsAnError() =>
        FluentActions.Invoking(() => SchoolHolidayParser.Parse("name,first,last\n", "s.csv"))
            .Should().Throw<CalendarFormatException>();
}

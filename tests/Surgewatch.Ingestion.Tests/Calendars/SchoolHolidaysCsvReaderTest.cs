using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Calendars;

public class SchoolHolidaysCsvReaderTest
{
    private static readonly Input Valid = Input.Lines(
        "# made-up breaks for a test region",
        "# known: 2030-01-01..2030-12-31",
        "name,first,last",
        "Summer break,2030-01-01,2030-01-28",
        "\"Autumn break, short\",2030-04-13,2030-04-28");

    [Fact]
    public void Read_ValidFile_ReadsBreaksAndKnownSpan()
    {
        var calendar = Read(Valid);

        calendar.Periods.Select(p => p.Name).Should().Equal("Summer break", "Autumn break, short");
        calendar.KnownFrom.Should().Be(new DateOnly(2030, 1, 1));
        calendar.KnownUntil.Should().Be(new DateOnly(2030, 12, 31));
    }

    [Fact]
    public void Read_BomAndCrlf_ReadsTheSameCalendar()
    {
        var calendar = Read(Valid.WithBom().WithCrlf());

        calendar.Periods.Should().Equal(Read(Valid).Periods);
        calendar.KnownUntil.Should().Be(new DateOnly(2030, 12, 31));
    }

    [Theory]
    [InlineData("2030-01-28", true)]
    [InlineData("2030-01-29", false)]
    [InlineData("2030-12-31", false)]
    public void IsSchoolHoliday_InsideKnownSpan_AnswersTrueOrFalse(string date, bool expected) =>
        Read(Valid).IsSchoolHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);

    [Fact]
    public void IsSchoolHoliday_OutsideKnownSpan_IsNull() =>
        Read(Valid).IsSchoolHoliday(new DateOnly(2031, 1, 5)).Should().BeNull();

    [Fact]
    public void Read_WithoutKnownLine_SpansTheBreaks()
    {
        var calendar = Read(Input.Lines("name,first,last", "A,2030-04-13,2030-04-28", "B,2030-07-01,2030-07-14"));

        (calendar.KnownFrom, calendar.KnownUntil).Should().Be((new DateOnly(2030, 4, 13), new DateOnly(2030, 7, 14)));
    }

    [Theory]
    [InlineData("A,2030-04-28,2030-04-13", "last")]
    [InlineData("A,2030-02-30,2030-04-13", "first")]
    [InlineData(",2030-04-13,2030-04-28", "name")]
    public void Read_InvalidRow_ReportsLineAndField(string row, string field)
    {
        var error = Rejection.Of(() => Read(Input.Lines("name,first,last", row))).Errors.Single();

        error.Should().BeEquivalentTo(new { Source = "s.csv", Line = 2, Field = field });
    }

    [Fact]
    public void Read_BadKnownLine_NamesItsLine() =>
        Rejection.Of(() => Read(Input.Lines("# known: 2030-12-31..2030-01-01", "name,first,last", "A,2030-04-13,2030-04-28")))
            .Errors.Single().Should().BeEquivalentTo(new { Line = 1, Field = "known" });

    [Fact]
    public void Read_NoBreaks_IsAnError() =>
        Rejection.Of(() => Read(Input.Lines("name,first,last"))).Errors.Single().Message.Should().Contain("no breaks");

    private static SchoolHolidayCalendar Read(Input input) => SchoolHolidaysCsvReader.Read(input.Stream(), "s.csv");
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Calendar;

public class EventCsvParserTest
{
    private const string Header = "name,start,end,sensors,zones,expected_attendance";

    [Fact]
    public void Parse_ValidFile_ReadsEveryField()
    {
        var text = string.Join('\n', Header, "White Night,2013-02-23T19:00,2013-02-24T07:00,5;7,river,300000");

        var e = EventCsvParser.Parse(text, "events.csv").Single();

        e.Name.Should().Be("White Night");
        e.Start.ToString().Should().Be("2013-02-23T19:00:00");
        e.End.ToString().Should().Be("2013-02-24T07:00:00");
        e.Sensors.Should().Equal(new SensorId("5"), new SensorId("7"));
        e.Zones.Should().Equal("river");
        e.ExpectedAttendance.Should().Be(300000);
        e.IsCityWide.Should().BeFalse();
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndCrlf_AreSkipped()
    {
        var text = "\uFEFF# a comment before the header\r\n\r\n" + Header + "\r\n  # indented comment\r\nBoxing Day,2013-12-26,2013-12-27,,,\r\n";

        var e = EventCsvParser.Parse(text, "events.csv").Single();

        e.IsCityWide.Should().BeTrue();
        e.ExpectedAttendance.Should().BeNull();
        e.Start.ToString().Should().Be("2013-12-26T00:00:00");
    }

    [Fact]
    public void Parse_QuotedName_MayHoldCommasAndQuotes()
    {
        var text = Header + "\n\"Moomba, \"\"the\"\" festival\",2014-03-07,2014-03-11,,,\n";

        EventCsvParser.Parse(text, "events.csv").Single().Name.Should().Be("Moomba, \"the\" festival");
    }

    [Fact]
    public void Parse_HeaderOnly_GivesNoEvents() =>
        EventCsvParser.Parse(Header + "\n", "events.csv").Should().BeEmpty();

    [Theory]
    [InlineData(",2013-01-01,2013-01-02,,,", "name")]
    [InlineData("A,2013-02-30T10:00,2013-03-01,,,", "start")]
    [InlineData("A,2013-01-01T25:00,2013-01-02,,,", "start")]
    [InlineData("A,2013-01-01T10:00+11:00,2013-01-02,,,", "start")]
    [InlineData("A,2013-01-01,2013-01-02T00:00Z,,,", "end")]
    [InlineData("A,2013-01-02,2013-01-01,,,", "end")]
    [InlineData("A,2013-01-01,2013-01-01,,,", "end")]
    [InlineData("A,2013-01-01,2013-01-02,5 ;x y,,", "sensors")]
    [InlineData("A,2013-01-01,2013-01-02,5;5,,", "sensors")]
    [InlineData("A,2013-01-01,2013-01-02,,zone one,", "zones")]
    [InlineData("A,2013-01-01,2013-01-02,,,-5", "expected_attendance")]
    [InlineData("A,2013-01-01,2013-01-02,,,lots", "expected_attendance")]
    [InlineData("A,2013-01-01,2013-01-02,,", "(line)")]
    [InlineData("\"A,2013-01-01,2013-01-02,,,", "(line)")]
    public void Parse_InvalidField_ReportsLineAndField(string row, string field)
    {
        var text = $"# comment\n{Header}\n{row}\n";

        var error = FluentActions.Invoking(() => EventCsvParser.Parse(text, "events.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single();

        error.Should().BeEquivalentTo(new { Source = "events.csv", Line = 3, Field = field });
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsAllInOrder()
    {
        var text = string.Join('\n', Header, "A,nope,2013-01-02,,,", "B,2013-01-01,2013-01-02,,,", "C,2013-01-01,2013-01-02,,,x");

        var errors = FluentActions.Invoking(() => EventCsvParser.Parse(text, "events.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors;

        errors.Select(e => (e.Line, e.Field)).Should().Equal((2, "start"), (4, "expected_attendance"));
        errors[0].ToString().Should().StartWith("events.csv:2: start: \"nope\"");
    }

    [Theory]
    [InlineData("name,start,end,sensors,zones")]
    [InlineData("title,start,end,sensors,zones,expected_attendance")]
    public void Parse_WrongHeader_SaysWhatIsExpected(string header)
    {
        var error = FluentActions.Invoking(() => EventCsvParser.Parse(header + "\n", "events.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single();

        error.Field.Should().Be("(header)");
        error.Line.Should().Be(1);
        error.Message.Should().Contain(Header);
    }

    [Fact]
    public void Parse_NoHeader_IsAnError() =>
        FluentActions.Invoking(() => EventCsvParser.Parse("# only comments\n", "events.csv"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single().Field.Should().Be("(header)");
}

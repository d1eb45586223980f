using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Calendars;

public sealed class EventsCsvReaderTest
{
    /// <summary>The header as the calendars README documents it (not taken from the reader, so a change to it fails here).</summary>
    private static readonly string Header = string.Join(',', "name", "start", "end", "sensors", "zones", "expected_attendance");

    [Fact]
    public void Read_ValidFile_ReadsEveryField()
    {
        var e = Read(Input.Lines(Header, "White Night,2013-02-23T19:00,2013-02-24T07:00,5;7,river,300000")).Single();

        e.Name.Should().Be("White Night");
        e.Start.ToString().Should().Be("2013-02-23T19:00:00");
        e.End.ToString().Should().Be("2013-02-24T07:00:00");
        e.Sensors.Should().Equal(new Core.Series.SensorId("5"), new Core.Series.SensorId("7"));
        e.Zones.Should().Equal("river");
        e.ExpectedAttendance.Should().Be(300000);
        e.IsCityWide.Should().BeFalse();
    }

    [Fact]
    public void Read_CommentsBlankLinesCrlfAndBom_AreSkipped()
    {
        var input = Input.Lines("# a comment before the header", "", Header, "  # indented comment", "Boxing Day,2013-12-26,2013-12-27,,,").WithCrlf().WithBom();

        var e = Read(input).Single();

        e.IsCityWide.Should().BeTrue();
        e.ExpectedAttendance.Should().BeNull();
        e.Start.ToString().Should().Be("2013-12-26T00:00:00");
    }

    [Fact]
    public void Read_QuotedNameWithComma_KeepsTheCommaInTheName()
    {
        var e = Read(Input.Lines(Header, "\"Moomba, Labour Day weekend\",2014-03-07,2014-03-11,5;7;29,,")).Single();

        e.Name.Should().Be("Moomba, Labour Day weekend");
        e.Sensors.Should().HaveCount(3);
    }

    [Fact]
    public void Read_QuotedName_MayHoldDoubledQuotes() =>
        Read(Input.Lines(Header, "\"Moomba, \"\"the\"\" festival\",2014-03-07,2014-03-11,,,")).Single().Name.Should().Be("Moomba, \"the\" festival");

    [Fact]
    public void Read_QuoteInAComment_DoesNotOpenAField()
    {
        var events = Read(Input.Lines("# the \"Moomba festival, every March", Header, "Moomba,2014-03-07,2014-03-11,,,"));

        events.Single().Name.Should().Be("Moomba");
    }

    [Fact]
    public void Read_Gzip_IsDecompressed() =>
        Read(Input.Lines(Header, "A,2013-01-01,2013-01-02,,,").Gzipped()).Single().Name.Should().Be("A");

    [Fact]
    public void Read_HeaderOnly_GivesNoEvents() =>
        Read(Input.Lines(Header)).Should().BeEmpty();

    [Fact]
    public void Read_BadDateOnLineFive_NamesFileLineAndField()
    {
        var input = Input.Lines("# events", Header, "A,2013-01-01,2013-01-02,,,", "", "B,2013-02-30,2013-03-01,,,");

        var e = Rejection.Of(() => EventsCsvReader.Read(input.Stream(), "mine.csv"));

        e.Lines().Should().ContainSingle().Which.Should().StartWith("mine.csv line 5, field 'start': \"2013-02-30\"");
        e.Message.Should().StartWith("mine.csv was rejected (1 error)");
    }

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
    [InlineData("\"A,2013-01-01,2013-01-02,,,", "name")]
    [InlineData("A,\"2013-01-01\"x,2013-01-02,,,", "start")]
    [InlineData("A,2013-01-01,2013-01-02,,", null)]
    public void Read_InvalidField_ReportsLineAndField(string row, string? field)
    {
        var e = Rejection.Of(() => Read(Input.Lines("# comment", Header, row)));

        e.Errors.Single().Should().BeEquivalentTo(new { Source = "events.csv", Line = 3, Field = field });
    }

    [Theory]
    [InlineData("Call 0412 345 678 for tickets")]
    [InlineData("Meet jane.doe@example.org at the gate")]
    public void Read_EventNameWithAPersonalIdentifier_IsRefusedWithoutEchoingIt(string name)
    {
        var e = Rejection.Of(() => Read(Input.Lines(Header, $"{name},2013-01-01,2013-01-02,,,")));

        var error = e.Errors.Single();
        error.Should().BeEquivalentTo(new { Line = 2, Field = "name" });
        error.Message.Should().Contain("personal identifier").And.NotContain("0412").And.NotContain("jane");
    }

    [Fact]
    public void Read_SeveralBadRows_ReportsAllInOrder()
    {
        var input = Input.Lines(Header, "A,nope,2013-01-02,,,", "B,2013-01-01,2013-01-02,,,", "C,2013-01-01,2013-01-02,,,x");

        var e = Rejection.Of(() => Read(input));

        e.Errors.Select(x => (x.Line, x.Field)).Should().Equal((2, "start"), (4, "expected_attendance"));
        e.Lines().First().Should().StartWith("events.csv line 2, field 'start': \"nope\"");
    }

    [Theory]
    [InlineData("name,start,end,sensors,zones")]
    [InlineData("title,start,end,sensors,zones,expected_attendance")]
    public void Read_WrongHeader_SaysWhatIsExpected(string header)
    {
        var error = Rejection.Of(() => Read(Input.Lines(header))).Errors.Single();

        error.Line.Should().Be(1);
        error.Field.Should().BeNull();
        error.Message.Should().Contain(Header);
    }

    [Fact]
    public void Read_NoHeader_IsAnError() =>
        Rejection.Of(() => Read(Input.Lines("# only comments"))).Errors.Single().Message.Should().Contain(Header);

    private static IReadOnlyList<CalendarEvent> Read(Input input) => EventsCsvReader.Read(input.Stream(), "events.csv");
}

using Surgewatch.Core.Calendar;
using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Tests.Builders;

namespace Surgewatch.Ingestion.Tests.Calendars;

public class HolidayRegionReaderTest
{
    private const string Valid = """
        // a comment
        {
          "region": "xx-test",
          "name": "Test",
          "timeZone": "Etc/UTC",
          "sources": ["made up"],
          "holidays": [
            { "name": "New Year", "fixed": { "month": 1, "day": 1 }, "substitute": { "mode": "additional", "name": "New Year (extra)" } },
            { "name": "Second Monday of March", "nthWeekday": { "month": 3, "weekday": "Monday", "n": 2 } },
            { "name": "Brigid", "nthWeekday": { "month": 2, "weekday": "monday", "n": 1, "insteadIf": { "day": 1, "weekday": "friday" } }, "from": 2023 },
            { "name": "Good Friday", "easter": -2, "note": "ignored by the engine" },
            { "name": "One-off", "dates": ["2022-03-18"] },
            { "name": "Sunday only", "fixed": { "month": 3, "day": 17 }, "substitute": { "on": ["sunday"], "mode": "move" }, "until": 2030 },
          ],
        }
        """;

    [Fact]
    public void Read_ValidFile_ReadsEveryRuleKind()
    {
        var region = Read(Valid, "xx-test.json");

        region.Id.Should().Be("xx-test");
        region.TimeZoneId.Should().Be("Etc/UTC");
        region.Rules.Select(r => r.Date.GetType()).Should().Equal(
            typeof(FixedDateRule), typeof(NthWeekdayRule), typeof(NthWeekdayRule), typeof(EasterOffsetRule), typeof(ListedDatesRule), typeof(FixedDateRule));
        region.Rules[2].Date.Should().Be(new NthWeekdayRule(2, DayOfWeek.Monday, 1, 1, DayOfWeek.Friday));
        region.Rules[2].FromYear.Should().Be(2023);
        region.Rules[5].Substitute!.On.Should().BeEquivalentTo([DayOfWeek.Sunday]);
        region.Rules[5].Substitute!.Mode.Should().Be(SubstituteMode.Move);
        region.Weekend.Should().BeEquivalentTo([DayOfWeek.Saturday, DayOfWeek.Sunday]);
    }

    [Fact]
    public void Read_ValidFile_EvaluatesAsWritten()
    {
        var region = Read(Valid, "xx-test.json");

        ShippedHoliday.Dates(region.HolidaysIn(2022)).Should().Equal("2022-01-01", "2022-01-03", "2022-03-14", "2022-03-17", "2022-03-18", "2022-04-15");
        region.HolidaysIn(2022)[1].Name.Should().Be("New Year (extra)");
    }

    [Fact]
    public void Read_BomAndCrlf_ReadsTheSameRegion()
    {
        var region = HolidayRegionReader.Read(new Input(Valid).WithBom().WithCrlf().Stream(), "xx-test.json");

        ShippedHoliday.Lines(region.HolidaysIn(2022)).Should().Equal(ShippedHoliday.Lines(Read(Valid, "xx-test.json").HolidaysIn(2022)));
    }

    [Fact]
    public void Read_InvalidJson_ReportsTheLine()
    {
        var error = Rejection.Of(() => Read("{\n  \"region\": \"x\",\n  oops\n}", "bad.json")).Errors.Single();

        error.Source.Should().Be("bad.json");
        error.Line.Should().Be(3);
        error.Message.Should().StartWith("not valid JSON");
    }

    [Fact]
    public void Read_SeveralMistakes_ReportsEachWithItsPathAndLine()
    {
        const string json = """
            {
              "region": "Bad Id",
              "holidays": [
                { "name": "Two kinds", "fixed": { "month": 1, "day": 1 }, "easter": 1 },
                { "fixed": { "month": 2, "day": 30 } },
                { "name": "Typo", "nthWeekday": { "month": 3, "weekday": "mondy", "n": 0 } },
                { "name": "Bad mode", "easter": 0, "substitute": { "mode": "sometimes" }, "form": 2016 },
                { "name": "Bad dates", "dates": ["2015-13-01"], "from": 2020, "until": 2019 }
              ]
            }
            """;

        var errors = Rejection.Of(() => Read(json, "bad.json")).Errors;

        errors.Select(e => (e.Field, e.Line)).Should().BeEquivalentTo(new (string?, int?)[]
        {
            ("$.region", 2), ("$.name", 1), ("$.holidays[0]", 4), ("$.holidays[1].name", 5), ("$.holidays[1].fixed.day", 5),
            ("$.holidays[2].nthWeekday.weekday", 6), ("$.holidays[2].nthWeekday.n", 6), ("$.holidays[3].form", 7),
            ("$.holidays[3].substitute.mode", 7), ("$.holidays[4].until", 8), ("$.holidays[4].dates[0]", 8),
        });
        errors.Should().OnlyContain(e => e.Source == "bad.json" && e.Message.Length > 0);
    }

    [Fact]
    public void Read_UnknownProperty_NamesTheKnownOnes()
    {
        const string json = """{ "region": "x", "name": "X", "holidays": [], "holiday": [] }""";

        var error = Rejection.Of(() => Read(json, "x.json")).Errors.Single();

        error.Field.Should().Be("$.holiday");
        error.Message.Should().Contain("holidays");
    }

    [Fact]
    public void Read_ErrorMessage_ListsFileLineAndField()
    {
        const string json = """{ "region": "x", "name": "X", "holidays": [ { "name": "A", "easter": "one" } ] }""";

        Rejection.Of(() => Read(json, "x.json")).Message.Should().Match("*x.json line 1, field '$.holidays[0].easter': expected a whole number*");
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1e400")]
    [InlineData("true")]
    public void Read_EasterOffsetNotAWholeNumber_IsRejected(string offset)
    {
        var json = $$"""{ "region": "x", "name": "X", "holidays": [ { "name": "A", "easter": {{offset}} } ] }""";

        Rejection.Of(() => Read(json, "x.json")).Errors.Should().ContainSingle();
    }

    [Theory]
    [InlineData("au-vic", true)]
    [InlineData("ie", true)]
    [InlineData("AU-VIC", false)]
    [InlineData("../ie", false)]
    [InlineData("", false)]
    public void IsValidRegionId_Examples_AcceptsLowerCaseLettersDigitsAndDashes(string id, bool valid) =>
        HolidayRegionReader.IsValidRegionId(id).Should().Be(valid);

    private static HolidayRegion Read(string json, string source) => HolidayRegionReader.Read(new Input(json).Stream(), source);
}

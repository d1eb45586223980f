using Surgewatch.Core.Calendar;
using static Surgewatch.Core.Tests.Calendar.HolidayRuleBuilder;

namespace Surgewatch.Core.Tests.Calendar;

public class HolidayRegionParserTest
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
    public void Parse_ValidFile_ReadsEveryRuleKind()
    {
        var region = HolidayRegionParser.Parse(Valid, "xx-test.json");

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
    public void Parse_ValidFile_EvaluatesAsWritten()
    {
        var region = HolidayRegionParser.Parse(Valid, "xx-test.json");

        Dates(region.HolidaysIn(2022)).Should().Equal("2022-01-01", "2022-01-03", "2022-03-14", "2022-03-17", "2022-03-18", "2022-04-15");
        region.HolidaysIn(2022)[1].Name.Should().Be("New Year (extra)");
    }

    [Fact]
    public void Parse_InvalidJson_ReportsTheLine()
    {
        var act = () => HolidayRegionParser.Parse("{\n  \"region\": \"x\",\n  oops\n}", "bad.json");

        var error = act.Should().Throw<CalendarFormatException>().Which.Errors.Single();
        error.Source.Should().Be("bad.json");
        error.Line.Should().Be(3);
        error.Field.Should().Be("(json)");
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEachWithItsPath()
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

        var errors = FluentActions.Invoking(() => HolidayRegionParser.Parse(json, "bad.json"))
            .Should().Throw<CalendarFormatException>().Which.Errors;

        errors.Select(e => e.Field).Should().BeEquivalentTo(
            "$.region", "$.name", "$.holidays[0]", "$.holidays[1].name", "$.holidays[1].fixed.day",
            "$.holidays[2].nthWeekday.weekday", "$.holidays[2].nthWeekday.n", "$.holidays[3].form",
            "$.holidays[3].substitute.mode", "$.holidays[4].until", "$.holidays[4].dates[0]");
        errors.Should().OnlyContain(e => e.Source == "bad.json" && e.Message.Length > 0);
    }

    [Fact]
    public void Parse_UnknownProperty_NamesTheKnownOnes()
    {
        const string json = """{ "region": "x", "name": "X", "holidays": [], "holiday": [] }""";

        var error = FluentActions.Invoking(() => HolidayRegionParser.Parse(json, "x.json"))
            .Should().Throw<CalendarFormatException>().Which.Errors.Single();

        error.Field.Should().Be("$.holiday");
        error.Message.Should().Contain("holidays");
    }

    [Fact]
    public void Parse_ErrorMessage_ListsFileAndField()
    {
        const string json = """{ "region": "x", "name": "X", "holidays": [ { "name": "A", "easter": "one" } ] }""";

        FluentActions.Invoking(() => HolidayRegionParser.Parse(json, "x.json"))
            .Should().Throw<CalendarFormatException>().WithMessage("*x.json: $.holidays[0].easter: expected a whole number*");
    }

    [Theory]
    [InlineData("au-vic", true)]
    [InlineData("ie", true)]
    [InlineData("AU-VIC", false)]
    [InlineData("../ie", false)]
    [InlineData("", false)]
    public void IsValidRegionId_Examples_AcceptsLowerCaseLettersDigitsAndDashes(string id, bool valid) =>
        HolidayRegionParser.IsValidRegionId(id).Should().Be(valid);
}

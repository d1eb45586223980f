using Surgewatch.Ingestion.Calendars;
using Surgewatch.Ingestion.Errors;

namespace Surgewatch.Ingestion.Tests.Calendars;

public sealed class CalendarLibraryTest : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "surgewatch-calendars-" + Guid.NewGuid().ToString("N"));

    public CalendarLibraryTest()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "holidays"));
        Directory.CreateDirectory(Path.Combine(_directory, "events"));
        Directory.CreateDirectory(Path.Combine(_directory, "school-holidays"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Shipped_WithoutDirectory_FindsEmbeddedFiles()
    {
        CalendarLibrary.Shipped.RegionIds().Should().Equal("au-vic", "ie");
        CalendarLibrary.Shipped.EventFileNames().Should().Equal("melbourne-2009-2014");
        CalendarLibrary.Shipped.LoadRegion("ie").Name.Should().Be("Ireland");
    }

    [Fact]
    public void Shipped_EveryCalendar_Loads()
    {
        var library = CalendarLibrary.Shipped;

        library.RegionIds().Select(library.LoadRegion).Should().OnlyContain(r => r.Rules.Count > 0);
        library.EventFileNames().Select(library.LoadEvents).Should().OnlyContain(events => events.Count > 0);
        library.LoadEvents("melbourne-2009-2014").Should().Contain(e => e.Name.StartsWith("White Night", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadEvents_FileInDirectoryWithBomAndCrlf_IsRead()
    {
        File.WriteAllText(Path.Combine(_directory, "events/bom.csv"), "\uFEFFname,start,end,sensors,zones,expected_attendance\r\n\"Parade, big\",2014-01-01,2014-01-02,,,\r\n");

        new CalendarLibrary(_directory).LoadEvents("bom").Single().Name.Should().Be("Parade, big");
    }

    [Fact]
    public void LoadRegion_FileInDirectory_AddsARegion()
    {
        Write("holidays/xx.json", """{ "region": "xx", "name": "Somewhere", "holidays": [ { "name": "Day", "fixed": { "month": 5, "day": 1 } } ] }""");
        var library = new CalendarLibrary(_directory);

        library.RegionIds().Should().Equal("au-vic", "ie", "xx");
        library.LoadRegion("xx").HolidaysIn(2020).Single().Date.Should().Be(new DateOnly(2020, 5, 1));
        library.LoadRegion("au-vic").Id.Should().Be("au-vic"); // shipped files stay available
    }

    [Fact]
    public void LoadRegion_FileInDirectory_OverridesTheShippedOne()
    {
        Write("holidays/ie.json", """{ "region": "ie", "name": "Ireland (local copy)", "holidays": [] }""");

        new CalendarLibrary(_directory).LoadRegion("ie").Name.Should().Be("Ireland (local copy)");
    }

    [Fact]
    public void LoadRegion_IdDiffersFromFileName_Throws()
    {
        Write("holidays/yy.json", """{ "region": "zz", "name": "Mismatch", "holidays": [] }""");

        FluentActions.Invoking(() => new CalendarLibrary(_directory).LoadRegion("yy"))
            .Should().Throw<InputRejectedException>().WithMessage("*\"zz\"*\"yy\"*");
    }

    [Fact]
    public void LoadRegion_Unknown_ListsTheAvailableRegions() =>
        FluentActions.Invoking(() => CalendarLibrary.Shipped.LoadRegion("nz"))
            .Should().Throw<KeyNotFoundException>().WithMessage("*holidays/nz.json*au-vic, ie*");

    [Theory]
    [InlineData("../secrets")]
    [InlineData("AU-VIC")]
    public void LoadRegion_InvalidId_Throws(string id) =>
        FluentActions.Invoking(() => CalendarLibrary.Shipped.LoadRegion(id)).Should().Throw<ArgumentException>();

    [Fact]
    public void LoadEvents_InvalidFile_ReportsItsPathAndLine()
    {
        Write("events/mine.csv", "name,start,end,sensors,zones,expected_attendance\nParade,tomorrow,2014-01-02,,,\n");

        var error = FluentActions.Invoking(() => new CalendarLibrary(_directory).LoadEvents("mine"))
            .Should().Throw<InputRejectedException>().Which.Errors.Single();

        error.ToString().Should().StartWith("events/mine.csv line 2, field 'start':");
    }

    [Fact]
    public void TryLoadSchoolHolidays_NoneShipped_IsNull() =>
        CalendarLibrary.Shipped.TryLoadSchoolHolidays("au-vic").Should().BeNull();

    [Fact]
    public void TryLoadSchoolHolidays_FileInDirectory_IsParsed()
    {
        Write("school-holidays/xx.csv", "name,first,last\nBreak,2030-04-13,2030-04-28\n");

        new CalendarLibrary(_directory).TryLoadSchoolHolidays("xx")!.IsSchoolHoliday(new DateOnly(2030, 4, 20)).Should().BeTrue();
    }

    [Fact]
    public void Constructor_MissingDirectory_Throws() =>
        FluentActions.Invoking(() => new CalendarLibrary(Path.Combine(_directory, "nope"))).Should().Throw<DirectoryNotFoundException>();

    private void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(_directory, relativePath), text);
}

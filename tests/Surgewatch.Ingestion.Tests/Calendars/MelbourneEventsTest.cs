using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Ingestion.Calendars;

namespace Surgewatch.Ingestion.Tests.Calendars;

/// <summary>
/// The shipped Melbourne events file: every row's date checked against the rule it follows (weekday, nth
/// weekday, fixed date), and every sensor id against the dataset's 35 sensors (listed here, not read from shared data).
/// </summary>
public class MelbourneEventsTest
{
    private static readonly IReadOnlyList<CalendarEvent> Events = CalendarLibrary.Shipped.LoadEvents("melbourne-2009-2014");

    private static readonly HashSet<string> DatasetSensors = [.. Enumerable.Range(1, 34).Select(i => i.ToString(null, null)), "39"];

    [Fact]
    public void LoadEvents_ShippedFile_ParsesEveryRow() => Events.Should().HaveCount(54);

    [Fact]
    public void Events_AllRows_NameOnlyDatasetSensorsAndNoZones()
    {
        Events.SelectMany(e => e.Sensors).Select(s => s.Value).Should().OnlyContain(id => DatasetSensors.Contains(id));
        Events.Should().OnlyContain(e => e.Zones.Count == 0);
    }

    [Fact]
    public void Events_AllRows_StartInsideTheDatasetRange() =>
        Events.Should().OnlyContain(e => e.Start.Date >= new DateOnly(2009, 5, 1) && e.Start.Date <= new DateOnly(2014, 12, 31));

    [Fact]
    public void NewYearsEve_EveryYear_Runs31DecemberEveningToEarlyMorning()
    {
        var rows = Named("New Year's Eve");

        rows.Select(e => e.Start.Date.Year).Should().Equal(2009, 2010, 2011, 2012, 2013, 2014);
        rows.Should().OnlyContain(e => e.Start.Date.Month == 12 && e.Start.Date.Day == 31 && e.Start.Hour == 18
            && e.End.Date == e.Start.Date.AddDays(1) && e.End.Hour == 3);
        rows.Should().OnlyContain(e => e.Sensors.Contains(new SensorId("5")) && e.Sensors.Contains(new SensorId("6")));
    }

    [Fact]
    public void WhiteNight_Rows_AreThePublishedNights() =>
        Named("White Night Melbourne").Select(e => $"{e.Start}..{e.End}").Should().Equal(
            "2013-02-23T19:00:00..2013-02-24T07:00:00",
            "2014-02-22T19:00:00..2014-02-23T07:00:00");

    [Fact]
    public void Moomba_EveryYear_IsFridayToLabourDayMonday()
    {
        var rows = Named("Moomba Festival (Labour Day weekend)");

        rows.Select(e => e.Start.Date.Year).Should().Equal(2010, 2011, 2012, 2013, 2014);
        foreach (var e in rows)
        {
            var labourDay = NthWeekdayRule.Find(e.Start.Date.Year, 3, DayOfWeek.Monday, 2);
            e.Start.Date.Should().Be(labourDay!.Value.AddDays(-3));
            e.Start.DayOfWeek.Should().Be(DayOfWeek.Friday);
            e.End.Should().Be(TimeLabel.FromDate(labourDay.Value.AddDays(1)));
        }
    }

    [Fact]
    public void AnzacDay_EveryYear_Is25AprilMorning() =>
        Named("ANZAC Day dawn service and march").Should().HaveCount(5).And
            .OnlyContain(e => e.Start.Date.Month == 4 && e.Start.Date.Day == 25 && e.Start.Hour == 4 && e.End.Date == e.Start.Date);

    [Fact]
    public void GrandFinalParade_EveryYear_IsTheFridayBeforeAMatchDay()
    {
        var parades = Named("AFL Grand Final parade");
        var matchDays = Named("AFL Grand Final (match day)").Select(e => e.Start.Date).ToHashSet();

        parades.Should().HaveCount(6);
        parades.Should().OnlyContain(e => e.Start.DayOfWeek == DayOfWeek.Friday && matchDays.Contains(e.Start.Date.AddDays(1)));
        matchDays.Should().OnlyContain(d => d.DayOfWeek == DayOfWeek.Saturday);
        Named("AFL Grand Final replay (match day)").Single().Start.Date.Should().Be(new DateOnly(2010, 10, 2));
    }

    [Fact]
    public void MelbourneCup_EveryYear_IsTheCupDayHoliday()
    {
        var cupDays = ShippedHoliday.Victoria.Between(new DateOnly(2009, 5, 1), new DateOnly(2014, 12, 31))
            .Where(h => h.Name == "Melbourne Cup Day").Select(h => h.Date);

        Named("Melbourne Cup Day").Select(e => e.Start.Date).Should().Equal(cupDays);
        Named("Melbourne Cup Day").Should().OnlyContain(e => e.Start.DayOfWeek == DayOfWeek.Tuesday && e.IsCityWide);
    }

    [Fact]
    public void BoxingDaySales_EveryYear_Are26DecemberAtBourkeStreetMall() =>
        Named("Boxing Day sales").Should().HaveCount(6).And.OnlyContain(e =>
            e.Start.Date.Month == 12 && e.Start.Date.Day == 26 && e.Sensors.Select(s => s.Value).SequenceEqual(new[] { "1", "2" }));

    [Fact]
    public void ChineseNewYear_Rows_AreTheLunarNewYearDays() =>
        Named("Chinese New Year (lunar new year's day)").Select(e => e.Start.ToString()[..10]).Should().Equal(
            "2010-02-14", "2011-02-03", "2012-01-23", "2013-02-10", "2014-01-31");

    [Fact]
    public void Marathon_EveryYear_IsTheSecondSundayOfOctober()
    {
        var rows = Named("Melbourne Marathon");

        rows.Should().HaveCount(6);
        rows.Should().OnlyContain(e => e.Start.Date == NthWeekdayRule.Find(e.Start.Date.Year, 10, DayOfWeek.Sunday, 2));
        rows.Select(e => e.Start.Date).Should().Contain([new DateOnly(2010, 10, 10), new DateOnly(2013, 10, 13)]);
    }

    [Fact]
    public void EventCalendar_NewYearsEve_IsOnAtPrincesBridgeButNotAtTheMall()
    {
        var calendar = new EventCalendar(Events);
        var elevenPm = TimeLabel.FromDate(new DateOnly(2013, 12, 31)) + TimeSpan.FromHours(23);

        calendar.IsActive(elevenPm, new SensorId("5")).Should().BeTrue();
        calendar.HoursSinceStart(elevenPm, new SensorId("5")).Should().Be(5);
        calendar.IsActive(elevenPm, new SensorId("1")).Should().BeFalse();
        calendar.IsActive(TimeLabel.FromDate(new DateOnly(2014, 2, 23)) + TimeSpan.FromHours(2), new SensorId("1")).Should().BeTrue(); // White Night, city-wide
    }

    private static List<CalendarEvent> Named(string name) => [.. Events.Where(e => e.Name == name)];
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Calendar;

public class EventCalendarTest
{
    private static readonly SensorId Bridge = new("5");
    private static readonly SensorId Mall = new("1");
    private static readonly SensorId Station = new("6");

    private static readonly EventCalendar Calendar = new(
        [
            Event("Fireworks", "2013-12-31T18:00", "2014-01-01T03:00", sensors: [Bridge]),
            Event("City night", "2013-12-31T20:00", "2014-01-01T01:00"),
            Event("Sales", "2013-12-26", "2013-12-27", zones: ["mall"]),
        ],
        new Dictionary<string, IReadOnlyCollection<SensorId>> { ["mall"] = [Mall] });

    [Fact]
    public void Covering_SensorNamedByEvent_GivesItsEventsAndCityWideOnes()
    {
        Calendar.Covering(Label("2013-12-31T22:00"), Bridge).Select(e => e.Name).Should().Equal("Fireworks", "City night");
        Calendar.Covering(Label("2013-12-31T22:00"), Station).Select(e => e.Name).Should().Equal("City night");
    }

    [Fact]
    public void Covering_SensorInZone_GetsTheZonesEvents()
    {
        Calendar.Covering(Label("2013-12-26T12:00"), Mall).Select(e => e.Name).Should().Equal("Sales");
        Calendar.Covering(Label("2013-12-26T12:00"), Bridge).Should().BeEmpty();
    }

    [Theory]
    [InlineData("2013-12-31T17:00", false)]
    [InlineData("2013-12-31T18:00", true)]  // start inclusive
    [InlineData("2014-01-01T02:00", true)]
    [InlineData("2014-01-01T03:00", false)] // end exclusive
    public void IsActive_Label_StartInclusiveEndExclusive(string label, bool expected) =>
        Calendar.IsActive(Label(label), Bridge).Should().Be(expected);

    [Fact]
    public void IsActive_SlotPartlyOverlapped_IsActive()
    {
        var calendar = new EventCalendar([Event("Half hour", "2014-01-01T10:30", "2014-01-01T11:00")]);

        calendar.IsActive(Label("2014-01-01T10:00"), TimeSpan.FromHours(1), Station).Should().BeTrue();
        calendar.IsActive(Label("2014-01-01T10:00"), Station).Should().BeFalse();
        calendar.IsActive(Label("2014-01-01T11:00"), TimeSpan.FromHours(1), Station).Should().BeFalse();
    }

    [Fact]
    public void HoursSinceStart_OverlappingEvents_UsesTheLatestStart()
    {
        Calendar.HoursSinceStart(Label("2013-12-31T19:00"), Bridge).Should().Be(1);
        Calendar.HoursSinceStart(Label("2013-12-31T23:30"), Bridge).Should().Be(3.5);
        Calendar.HoursSinceStart(Label("2013-12-31T12:00"), Bridge).Should().BeNull();
    }

    [Fact]
    public void HoursUntilEnd_OverlappingEvents_UsesTheEarliestEnd()
    {
        Calendar.HoursUntilEnd(Label("2013-12-31T22:00"), Bridge).Should().Be(3);
        Calendar.HoursUntilEnd(Label("2014-01-01T02:00"), Bridge).Should().Be(1);
        Calendar.HoursUntilEnd(Label("2014-01-01T05:00"), Bridge).Should().BeNull();
    }

    [Fact]
    public void FillActive_HourlyGrid_MarksOverlappedSlots()
    {
        var active = new bool[12];

        Calendar.FillActive(Bridge, Label("2013-12-31T16:00"), TimeSpan.FromHours(1), active);

        active.Should().Equal(false, false, true, true, true, true, true, true, true, true, true, false);
    }

    [Fact]
    public void FillActive_EventOutsideGrid_LeavesAllFalse()
    {
        var active = new bool[] { true, true };

        Calendar.FillActive(Mall, Label("2014-06-01"), TimeSpan.FromHours(1), active);

        active.Should().Equal(false, false);
    }

    [Fact]
    public void Constructor_ZoneWithoutMembers_ThrowsNamingTheZone() =>
        FluentActions.Invoking(() => new EventCalendar([Event("X", "2014-01-01", "2014-01-02", zones: ["nowhere"])]))
            .Should().Throw<ArgumentException>().WithMessage("*'X'*'nowhere'*");

    private static CalendarEvent Event(string name, string start, string end, SensorId[]? sensors = null, string[]? zones = null) =>
        new(name, Label(start), Label(end), sensors ?? [], zones ?? []);

    private static TimeLabel Label(string text) =>
        TimeLabelParser.TryParse(text.AsSpan(), TimeZoneInfo.Utc, out var label, out var reason) ? label : throw new ArgumentException(reason);
}

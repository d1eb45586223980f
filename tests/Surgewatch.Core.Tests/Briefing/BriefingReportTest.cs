using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Monitoring;

namespace Surgewatch.Core.Tests.Briefing;

public class BriefingReportTest
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    [Fact]
    public void Of_NowOnTheBriefedDay_HoursLeftAtRiskStartAtTheCurrentHour()
    {
        var now = TimeLabel.FromDate(Day) + TimeSpan.FromHours(15.5);

        var report = BriefingReport.Of(Briefing(10, 15, 19), now);

        report.AsOf.Should().Be("15:30");
        report.Zones[0].HoursAtRisk.Should().Equal("10:00", "15:00", "19:00");
        report.Zones[0].HoursLeftAtRisk.Should().Equal("15:00", "19:00");
    }

    [Fact]
    public void Of_NowTheDayBefore_NoHoursLeftAtRiskNorAsOf()
    {
        var now = TimeLabel.FromDate(Day.AddDays(-1)) + TimeSpan.FromHours(20);

        var report = BriefingReport.Of(Briefing(10, 15), now);

        report.AsOf.Should().BeNull();
        report.Zones[0].HoursLeftAtRisk.Should().BeNull();
    }

    [Fact]
    public void Of_CounterSubject_KindCounter()
    {
        var counter = new SubjectBriefing("gate", "Gate", 1000, 15, 200, double.NaN, ZoneLevel.Ok, [], [], BriefingSubjectKind.Counter);

        var report = BriefingReport.Of(new DayBriefing(Day, null, [counter]));

        report.Zones[0].Kind.Should().Be("counter");
        report.Zones[0].PeakDensity.Should().BeNull();
    }

    [Fact]
    public void Of_RoadJams_ListsThemInTheDaysTimeWithNamesAndLevels()
    {
        var start = TimeLabel.FromDate(Day);
        Surgewatch.Core.Series.SensorId bank = new("bank-2"), quay = new("quay-1");
        var roads = new RoadJamBriefing("day-kind-median-3d", 7,
            [
                new Surgewatch.Core.Roads.ExpectedJam(bank, start + new TimeSpan(7, 45, 0), start + new TimeSpan(8, 30, 0), 21.44, Surgewatch.Core.Roads.CongestionLevel.Jammed),
                new Surgewatch.Core.Roads.ExpectedJam(quay, start + new TimeSpan(23, 30, 0), start + TimeSpan.FromDays(1), 33, Surgewatch.Core.Roads.CongestionLevel.Congested),
            ],
            new Dictionary<Surgewatch.Core.Series.SensorId, string> { [bank] = "Bank Street" });

        var report = BriefingReport.Of(Briefing(10), null, roads);

        report.Roads.Should().BeEquivalentTo(new BriefingReportRoads("day-kind-median-3d", 7,
        [
            new BriefingReportJam("bank-2", "Bank Street", "07:45", "08:30", 21.4, "jammed"),
            new BriefingReportJam("quay-1", "quay-1", "23:30", "24:00", 33, "congested"),
        ]), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Of_NoRoadsModel_RoadsNull()
    {
        BriefingReport.Of(Briefing(10)).Roads.Should().BeNull();
    }

    private static BriefingReportZone Row(string id, string level, int hoursAtRisk, double? peak) =>
        new(id, id, peak * 10, peak is null ? null : "12:00", peak, null, level, [.. Enumerable.Range(10, hoursAtRisk).Select(BriefingReport.Hour)]);

    [Fact]
    public void ByRisk_MixedRows_WorseLevelThenMoreHoursAtRiskThenBusierPeakThenIdWithNoForecastLast()
    {
        var rows = new[]
        {
            Row("quiet", "ok", 0, 100),
            Row("none", "no-data", 0, null),
            Row("two-hours", "warning", 2, 50),
            Row("alarm", "alarm", 1, 10),
            Row("one-hour-busy", "warning", 1, 900),
            Row("one-hour-b", "warning", 1, 300),
            Row("one-hour-a", "warning", 1, 300),
            Row("critical", "critical", 0, 5),
        };

        rows.Order(BriefingReport.ByRisk).Select(r => r.ZoneId).Should().Equal(
            "critical", "alarm", "two-hours", "one-hour-busy", "one-hour-a", "one-hour-b", "quiet", "none");
    }

    private static DayBriefing Briefing(params int[] hoursAtRisk) =>
        new(Day, "historical-median-4w", [new SubjectBriefing("square", "Square", 1000, 15, 200, 2.5, ZoneLevel.Warning, hoursAtRisk, [])]);
}

using Surgewatch.Core.Briefing;

namespace Surgewatch.Core.Tests.Briefing;

public sealed class BriefingReportTest
{
    private static BriefingReportZone Row(string id, string level, int hoursAtRisk, double? peak) =>
        new(id, id, peak * 10, peak is null ? null : "12:00", peak, null, level, [.. Enumerable.Range(10, hoursAtRisk).Select(BriefingReport.Hour)]);

    [Fact]
    public void ByRisk_MixedRows_WorseLevelThenMoreHoursAtRiskThenBusierPeakThenIdWithNoForecastLast()
    {
        var rows = new[]
        {
            Row("quiet", "ok", 0, 100),
            Row("none", "nodata", 0, null),
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
}

using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Briefing;

public partial class DayBrieferTest
{
    [Fact]
    public void Deployed_QuarterHourModel_HoursSumCountsAndAverageLevels()
    {
        // Two days of quarter-hours: a count sensor (4 a slot, 8 at 18:xx) and a level sensor (slot index % 4 * 10).
        var start = TimeLabel.FromDate(new DateOnly(2025, 5, 5));
        var quarter = TimeSpan.FromMinutes(15);
        var slots = 2 * 96;
        var counts = new double[slots];
        var present = new double[slots];
        for (var i = 0; i < slots; i++)
        {
            counts[i] = i % 96 / 4 == 18 ? 8 : 4;
            present[i] = i % 4 * 10;
        }

        var panel = new SeriesPanel(start, quarter, [new SensorId("gate"), new SensorId("hall")], [counts, present]);
        var fitted = new SeasonalNaiveModel(SeasonalPeriod.Day).Fit(panel, slots);
        var day = new DateOnly(2025, 5, 7);

        var briefing = DayBriefer.Deployed(panel, fitted, null, "seasonal-naive-day", day, null, null, [false, true]);

        var gate = briefing.Subjects[0];
        gate.Hours[3].Mean.Should().Be(16, "a count's hour is the total of its four quarter-hours");
        gate.Hours[18].Mean.Should().Be(32);
        gate.PeakHour.Should().Be(18);
        briefing.Subjects[1].Hours[3].Mean.Should().Be(15, "a level's hour is the mean of its quarter-hours");
    }
}

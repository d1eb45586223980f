using Surgewatch.Core.Briefing;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;

namespace Surgewatch.Core.Tests.Briefing;

public class BriefingPanelTest
{
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2024, 3, 1));
    private static readonly SensorId Camera = new("camera");
    private static readonly SensorId Gate = new("gate");

    [Fact]
    public void Hourly_QuarterHourReadings_MeansLevelsAndSumsCounts()
    {
        var readings = new ObservationBatch();
        for (var q = 0; q < 4; q++)
        {
            readings.Add(new Observation(Camera, Start + TimeSpan.FromMinutes(15 * q), 10 * (q + 1)));
            readings.Add(new Observation(Gate, Start + TimeSpan.FromMinutes(15 * q), 5));
        }

        var panel = BriefingPanel.Hourly(readings, [new(Camera, IsLevel: true), new(Gate, IsLevel: false)], Start, Start + TimeSpan.FromHours(2));

        panel.Step.Should().Be(TimeSpan.FromHours(1));
        panel.Values(0)[0].Should().Be(25);
        panel.Values(1)[0].Should().Be(20);
    }

    [Fact]
    public void Hourly_HourWithoutReadings_IsMissingNotZero()
    {
        var readings = new ObservationBatch();
        readings.Add(new Observation(Gate, Start, 5));

        var panel = BriefingPanel.Hourly(readings, [new(Gate, false), new(Camera, true)], Start, Start + TimeSpan.FromHours(2));

        Missing.Is(panel.Values(0)[1]).Should().BeTrue();
        Missing.Is(panel.Values(1)[0]).Should().BeTrue();
    }

    [Fact]
    public void Hourly_FromAPanel_EqualsFromItsReadings()
    {
        var quarter = new SeriesPanel(Start, TimeSpan.FromMinutes(15), [Camera], [[1, 2, 3, 6, 8, double.NaN, double.NaN, 10]]);
        var readings = new ObservationBatch();
        for (var t = 0; t < quarter.Length; t++)
        {
            if (Missing.Is(quarter.Values(0)[t]))
            {
                continue;
            }

            readings.Add(new Observation(Camera, quarter.LabelAt(t), quarter.Values(0)[t]));
        }

        var sources = new BriefingSource[] { new(Camera, true) };
        var fromPanel = BriefingPanel.Hourly(quarter, sources, Start, Start + TimeSpan.FromHours(2));
        var fromReadings = BriefingPanel.Hourly(readings, sources, Start, Start + TimeSpan.FromHours(2));

        fromPanel.Values(0).ToArray().Should().Equal(3, 9);
        fromReadings.Values(0).ToArray().Should().Equal(fromPanel.Values(0).ToArray());
    }

    [Fact]
    public void Sources_SensorInTwoZones_ListedOnceWithItsFirstRole()
    {
        var a = Zone.Create(new ZoneId("a"), "A", Square(), 100, sources: [new ZoneSource(Camera, ZoneSourceRole.Occupancy), new ZoneSource(Gate, ZoneSourceRole.LineIn)]);
        var b = Zone.Create(new ZoneId("b"), "B", Square(), 100, sources: [new ZoneSource(Gate, ZoneSourceRole.LineOut)]);

        BriefingPanel.Sources([a, b]).Should().Equal(new BriefingSource(Camera, true), new BriefingSource(Gate, false));
    }

    [Fact]
    public void Leading_ModelSensors_ComeFirstInTheModelsOrder()
    {
        var other = new SensorId("other");

        var list = BriefingPanel.Leading([Gate, other], [new(Camera, true), new(Gate, false)], [new(other, true)]);

        list.Should().Equal(new BriefingSource(Gate, false), new BriefingSource(other, true), new BriefingSource(Camera, true));
    }

    [Fact]
    public void Window_PastDay_EndsAtItsStart()
    {
        var (start, end) = BriefingPanel.Window(new DateOnly(2024, 3, 10), TimeLabel.FromDate(new DateOnly(2025, 1, 1)));

        end.Should().Be(TimeLabel.FromDate(new DateOnly(2024, 3, 10)));
        (end - start).Should().Be(BriefingPanel.History);
    }

    [Fact]
    public void Window_DayAfterTomorrow_EndsAtTheHourNowIsIn()
    {
        var now = TimeLabel.FromDate(new DateOnly(2024, 3, 10)) + TimeSpan.FromMinutes(14 * 60 + 35);

        var (_, end) = BriefingPanel.Window(new DateOnly(2024, 3, 12), now);

        end.Should().Be(TimeLabel.FromDate(new DateOnly(2024, 3, 10)) + TimeSpan.FromHours(14));
    }

    [Fact]
    public void HistoryDays_ReadingsFromTenAndAHalfDaysBeforeTheEnd_CountsWholeDays()
    {
        var values = Enumerable.Repeat(double.NaN, 20 * 24).ToArray();
        values[(20 * 24) - 252] = 4;
        var panel = new SeriesPanel(Start, TimeSpan.FromHours(1), [Gate], [values]);

        BriefingPanel.HistoryDays(panel).Should().Be(10);
        BriefingPanel.HistoryDays(new SeriesPanel(Start, TimeSpan.FromHours(1), [Gate], [new double[24].Select(_ => double.NaN).ToArray()])).Should().Be(0);
    }

    private static ZonePolygon Square() =>
        new([[new GeoPoint(0, 0), new GeoPoint(0, 0.0002), new GeoPoint(0.0002, 0.0002), new GeoPoint(0.0002, 0)]]);
}

using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Tests.Live;

public class RecentReadingsTest
{
    private static readonly SensorId Gate = new("gate");
    private static readonly TimeLabel Noon = TimeLabel.FromDateTime(new DateTime(2026, 3, 1, 12, 0, 0));

    [Fact]
    public void Window_MinuteReadings_TakesThoseAfterFromUpToAndIncludingTo()
    {
        var recent = Filled(Enumerable.Range(0, 120).Select(m => (m, (double)m)));

        var window = recent.Window([Gate], Noon + TimeSpan.FromMinutes(30), Noon + TimeSpan.FromMinutes(40), TimeZoneInfo.Utc);

        window[Gate].Select(r => r.Value).Should().Equal(Enumerable.Range(31, 10).Select(m => (double)m));
        window[Gate][0].At.Should().Be(new DateTimeOffset(2026, 3, 1, 12, 31, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Window_SameLabelAddedAgain_KeepsTheLatestValueOnce()
    {
        var recent = Filled([(5, 10), (5, 12)]);

        recent.Window([Gate], Noon, Noon + TimeSpan.FromHours(1), TimeZoneInfo.Utc)[Gate].Should().ContainSingle().Which.Value.Should().Be(12);
    }

    [Fact]
    public void Add_ReadingsOlderThanKeptBehindTheLatest_AreDropped()
    {
        var recent = Filled([(0, 1), (60, 2), (200, 3)]);

        recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon + TimeSpan.FromHours(4), TimeZoneInfo.Utc)[Gate]
            .Select(r => r.Value).Should().Equal([2.0, 3.0], "three hours are kept behind a sensor's latest reading");
    }

    [Fact]
    public void Window_SensorWithoutReadings_IsAbsent()
    {
        new RecentReadings().Window([Gate], Noon, Noon + TimeSpan.FromHours(1), TimeZoneInfo.Utc).Should().BeEmpty();
    }

    private static RecentReadings Filled(IEnumerable<(int Minute, double Value)> readings)
    {
        var recent = new RecentReadings();
        foreach (var (minute, value) in readings)
        {
            var batch = new ObservationBatch(1);
            batch.Add(batch.InternSensor(Gate), Noon + TimeSpan.FromMinutes(minute), value);
            recent.Add(batch);
        }

        return recent;
    }
}

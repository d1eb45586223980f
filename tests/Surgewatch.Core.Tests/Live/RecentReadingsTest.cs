using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Live;
using Surgewatch.Core.Occupancy;
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

    [Fact]
    public void Window_ReadingOutOfOrder_TakesItsPlaceAmongTheOthers()
    {
        var recent = Filled([(0, 1), (10, 2), (20, 3), (5, 4)]);

        var window = recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon + TimeSpan.FromHours(1), TimeZoneInfo.Utc)[Gate];

        window.Select(r => r.Value).Should().Equal(1.0, 4.0, 2.0, 3.0);
        window.Select(r => r.At.Minute).Should().Equal(0, 5, 10, 20);
    }

    [Fact]
    public void Window_TakenBeforeLaterReadings_StaysAsItWasTaken()
    {
        var recent = Filled([(0, 1), (10, 2)]);
        var window = recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon + TimeSpan.FromHours(1), TimeZoneInfo.Utc)[Gate];

        Add(recent, 20, 3); // in order: written past the view's end
        Add(recent, 10, 9); // a new value for a reading in the view
        Add(recent, 5, 7); // out of order, inside the view's span

        window.Select(r => r.Value).Should().Equal(1.0, 2.0);
        recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon + TimeSpan.FromHours(1), TimeZoneInfo.Utc)[Gate]
            .Select(r => r.Value).Should().Equal(1.0, 7.0, 9.0, 3.0);
    }

    [Fact]
    public void Window_AnotherSite_GivesThatSitesInstants()
    {
        var recent = Filled([(0, 1)]);
        var plusTen = TimeZoneInfo.CreateCustomTimeZone("plus-ten", TimeSpan.FromHours(10), "plus-ten", "plus-ten");

        recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon, TimeZoneInfo.Utc)[Gate][0].At.Offset.Should().Be(TimeSpan.Zero);
        recent.Window([Gate], Noon - TimeSpan.FromMinutes(1), Noon, plusTen)[Gate][0].At
            .Should().Be(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(10)));
    }

    /// <summary>
    /// Any readings, in any order and with values given again, against the plain model (a sorted map trimmed to the
    /// kept hours behind its latest label): after each one, a window of the model's range equals the model's, and
    /// every window taken before still holds what it held when taken.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Window_AnyReadings_MatchesTheSortedKeptReadingsAndEarlierWindowsStay()
    {
        var readings = Gen.Choose(-60, 400).Zip(Gen.Choose(0, 5)).ArrayOf();
        return Prop.ForAll(readings.ToArbitrary(), sequence =>
        {
            var recent = new RecentReadings();
            var model = new SortedDictionary<long, double>();
            var taken = new List<(IReadOnlyList<SensorReading> Window, double[] Values)>();
            foreach (var (minute, value) in sequence)
            {
                Add(recent, minute, value);
                var label = (Noon + TimeSpan.FromMinutes(minute)).Seconds;
                model[label] = value;
                foreach (var old in model.Keys.Where(k => k < model.Keys.Max() - RecentReadings.KeepSeconds).ToList())
                {
                    model.Remove(old);
                }

                var (from, to) = (Noon + TimeSpan.FromMinutes((minute * 7 % 300) - 61), Noon + TimeSpan.FromMinutes(minute));
                var expected = model.Where(p => p.Key > from.Seconds && p.Key <= to.Seconds).ToList();
                var window = recent.Window([Gate], from, to, TimeZoneInfo.Utc)[Gate];
                if (!window.Select(r => r.Value).SequenceEqual(expected.Select(p => p.Value))
                    || !window.Select(r => r.At).SequenceEqual(expected.Select(p => new TimeLabel(p.Key).ToInstant(TimeZoneInfo.Utc))))
                {
                    return false;
                }

                taken.Add((window, [.. window.Select(r => r.Value)]));
            }

            return taken.All(t => t.Window.Select(r => r.Value).SequenceEqual(t.Values));
        });
    }

    private static void Add(RecentReadings recent, int minute, double value)
    {
        var batch = new ObservationBatch(1);
        batch.Add(batch.InternSensor(Gate), Noon + TimeSpan.FromMinutes(minute), value);
        recent.Add(batch);
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

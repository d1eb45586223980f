using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;
using Surgewatch.Core.Tests.Zones;
using Surgewatch.Core.Zones;
using Surgewatch.Core.ZoneSeries;

namespace Surgewatch.Core.Tests.ZoneSeries;

public class ZoneBucketsTest
{
    private static readonly TimeLabel Start = TimeLabel.FromDate(new DateOnly(2025, 3, 1));
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    [Fact]
    public void Of_OccupancyAndLineCounters_PersonsAreTheMeanOccupancyAndEntriesTheLineInTotal()
    {
        var zone = ZonePersonsTest.With(
            ZonePersonsTest.Source("occ", ZoneSourceRole.Occupancy, 2), ZonePersonsTest.Source("in", ZoneSourceRole.LineIn), ZonePersonsTest.Source("out", ZoneSourceRole.LineOut));
        var batch = new ObservationBatch(8);
        for (var m = 0; m < 5; m++)
        {
            batch.Add(batch.InternSensor(new SensorId("occ")), Start + TimeSpan.FromMinutes(m), 10 + m);
            batch.Add(batch.InternSensor(new SensorId("in")), Start + TimeSpan.FromMinutes(m), 3);
        }

        var buckets = ZoneBuckets.Of(zone, batch, Start, Start + (2 * Five), Five);

        buckets.Persons[0].Should().Be(24);
        buckets.Entries[0].Should().Be(15);
        Missing.Is(buckets.Persons[1]).Should().BeTrue("no source reported in the second bucket");
        Missing.Is(buckets.Entries[1]).Should().BeTrue();
    }
}

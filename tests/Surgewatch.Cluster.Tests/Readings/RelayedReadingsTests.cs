using Surgewatch.Cluster.Readings;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Cluster.Tests.Readings;

public sealed class RelayedReadingsTests
{
    [Fact]
    public void ToBatch_ReadingsOfABatch_SameReadingsInTheSameOrder()
    {
        var batch = new ObservationBatch();
        batch.Add(new Observation(new SensorId("s1"), new TimeLabel(60), 3));
        batch.Add(new Observation(new SensorId("s2"), new TimeLabel(60), 4.5));
        batch.Add(new Observation(new SensorId("s1"), new TimeLabel(120), 7));

        var relayed = RelayedReadings.Of(batch);
        var back = relayed.ToBatch();

        Enumerable.Range(0, back.Count).Select(i => back[i]).Should().Equal(
            new Observation(new SensorId("s1"), new TimeLabel(60), 3),
            new Observation(new SensorId("s2"), new TimeLabel(60), 4.5),
            new Observation(new SensorId("s1"), new TimeLabel(120), 7));
        relayed.Sensors.Should().Equal(["s1", "s2"], "each sensor's id travels once");
        RelayedReadings.Of(new ObservationBatch()).ToBatch().Count.Should().Be(0);
    }

    [Fact]
    public void ToBatch_SensorIndexOutOfRange_Throws()
    {
        var readings = new RelayedReadings(["s1"], [1], [60], [3]);

        readings.Invoking(r => r.ToBatch()).Should().Throw<ArgumentException>().WithMessage("*sensor 1 of 1*");
    }

    [Fact]
    public void ToBatch_ColumnsOfDifferentLengths_Throws()
    {
        var readings = new RelayedReadings(["s1"], [0, 0], [60], [3]);

        readings.Invoking(r => r.ToBatch()).Should().Throw<ArgumentException>().WithMessage("*differ in length*");
    }
}

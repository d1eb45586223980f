using Surgewatch.Cluster.Readings;
using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Cluster.Tests.Readings;

public sealed class RelayedReadingsTests
{
    [Fact]
    public void ToBatch_BuiltReadings_SameReadingsInTheSameOrder()
    {
        var builder = new RelayedReadings.Builder();
        builder.Add("s1", 60, 3);
        builder.Add("s2", 60, 4.5);
        builder.Add("s1", 120, 7);

        var batch = builder.Take().ToBatch();

        Enumerable.Range(0, batch.Count).Select(i => batch[i]).Should().Equal(
            new Observation(new SensorId("s1"), new TimeLabel(60), 3),
            new Observation(new SensorId("s2"), new TimeLabel(60), 4.5),
            new Observation(new SensorId("s1"), new TimeLabel(120), 7));
        builder.Count.Should().Be(0, "taking the readings empties the builder");
        builder.Take().ToBatch().Count.Should().Be(0);
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

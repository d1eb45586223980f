using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Occupancy;

public partial class OccupancyFusionTest
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void Fuse_HourlyCounter_FlowIsItsCountPerMinuteOfItsHour()
    {
        // 2,143 people counted over an hour on a 20 m line: 2,143 / 60 / 20 = 1.79 persons per metre per minute.
        var zone = ZoneWith(20, Source(Total, ZoneSourceRole.LineTotal));
        var readings = new Dictionary<SensorId, IReadOnlyList<SensorReading>> { [Total] = [new SensorReading(T0, 2143)] };

        var estimate = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), T0.AddMinutes(62), null, _ => Hour).Occupancy;

        estimate.Flow.Should().BeApproximately(2143.0 / 60 / 20, 1e-9);
    }

    [Fact]
    public void Fuse_HourlySourceBetweenItsReadings_FreshNotStale()
    {
        // The 12:00 count arrives at 13:00 and the 13:00 count at 14:00: in between the source is not stale.
        var zone = ZoneWith(20, Source(Cam, ZoneSourceRole.Occupancy));
        var readings = new Dictionary<SensorId, IReadOnlyList<SensorReading>> { [Cam] = [new SensorReading(T0, 300)] };

        var late = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), T0.AddMinutes(124), null, _ => Hour).Occupancy;
        var missed = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), T0.AddMinutes(126), null, _ => Hour).Occupancy;

        late.NoData.Should().BeFalse();
        late.Persons.Should().Be(300);
        missed.NoData.Should().BeTrue("a reading two hours and six minutes old means the next one did not come");
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(5, 15)]
    [InlineData(60, 125)]
    public void StaleWindow_SourceStep_TwoStepsAndTheGraceForSlowSources(int stepMinutes, int expectedMinutes) =>
        FusionOptions.Default.StaleWindow(TimeSpan.FromMinutes(stepMinutes)).Should().Be(TimeSpan.FromMinutes(expectedMinutes));

    [Fact]
    public void Fuse_MinuteCountersWithSteps_FlowAsWithoutThem()
    {
        var zone = ZoneWith(10, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
        var readings = PerMinute((In, Constant(10, 20)), (Out, Constant(10, 5)));

        var known = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), Minute(10), null, _ => TimeSpan.FromMinutes(1)).Occupancy;
        var unknown = OccupancyFusion.Fuse(zone, readings, LineBalanceState.Start(T0), Minute(10)).Occupancy;

        known.Flow.Should().Be(unknown.Flow);
        known.Flow.Should().BeApproximately(25.0 / 10, 1e-9);
    }
}

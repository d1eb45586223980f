using Surgewatch.Core.Occupancy;
using Surgewatch.Core.Series;
using Surgewatch.Core.Zones;
using static Surgewatch.Core.Tests.Occupancy.FusionTestData;

namespace Surgewatch.Core.Tests.Occupancy;

/// <summary>A zone counted only by lines in and out, 20 in and 5 out a minute for three hours, stepped every minute.</summary>
public sealed class LiveOccupancyTest
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(3);
    private static readonly Zone Lines = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));
    private static readonly Dictionary<SensorId, IReadOnlyList<SensorReading>> Readings = PerMinute((In, Constant(180, 20)), (Out, Constant(180, 5)));

    private static TimeSpan? Minutely(SensorId sensor) => TimeSpan.FromMinutes(1);

    /// <summary>One step as the host takes it: the readings of the look-back window only.</summary>
    private static ZoneOccupancy Step(LiveOccupancy live, int minute)
    {
        var now = Minute(minute);
        var from = now - live.LookBack(Lines, now, Minutely);
        var window = Readings.ToDictionary(p => p.Key, p => (IReadOnlyList<SensorReading>)[.. p.Value.Where(r => r.At > from && r.At <= now)]);
        return live.Fuse(Lines, window, now, Minutely);
    }

    private static LiveOccupancy RunTo(int minutes)
    {
        var live = new LiveOccupancy(Kept);
        for (var m = 1; m <= minutes; m++)
        {
            Step(live, m);
        }

        return live;
    }

    [Fact]
    public void Restore_AfterTenMinutesStopped_GoesOnAsIfItHadNeverStopped()
    {
        var saved = RunTo(120).Snapshot();
        var restarted = new LiveOccupancy(Kept);

        restarted.Restore(saved, Minute(130));

        Step(restarted, 130).Persons.Should().BeApproximately(130 * 15, 1e-9, "the two hours before the stop and the ten minutes since, 15 net a minute");
        Step(new LiveOccupancy(Kept), 130).Persons.Should().BeApproximately(30 * 15, 1e-9, "without the saved balance only the last 30 minutes are counted: the dangerous under-count");
    }

    [Fact]
    public void LookBack_RestoredBalanceAnHourOld_ReachesBackToIt()
    {
        var restarted = new LiveOccupancy(Kept);
        restarted.Restore(RunTo(120).Snapshot(), Minute(180));

        restarted.LookBack(Lines, Minute(180), Minutely).Should().Be(TimeSpan.FromHours(1));
        new LiveOccupancy(Kept).LookBack(Lines, Minute(180), Minutely).Should().Be(LiveOccupancy.Window);
    }

    [Fact]
    public void Restore_BalanceOlderThanTheReadingsKept_IsNotTaken()
    {
        var restarted = new LiveOccupancy(Kept);

        restarted.Restore(RunTo(10).Snapshot(), Minute(10) + Kept + TimeSpan.FromMinutes(1));

        restarted.Snapshot().Should().BeEmpty("the crossings since it are no longer all in the readings kept");
    }

    [Fact]
    public void Keep_ZoneNoLongerListed_ForgetsItsBalance()
    {
        var live = RunTo(5);
        live.Snapshot().Should().ContainSingle().Which.Zone.Should().Be(Lines.Id);

        live.Keep([new ZoneId("another")]);

        live.Snapshot().Should().BeEmpty();
    }
}

/// <summary>Line counts as counters send them: a minute's count is labelled with the minute's start and arrives when the minute has ended.</summary>
public sealed class LiveOccupancyLateCountsTest
{
    private static readonly Zone Lines = ZoneWith(null, Source(In, ZoneSourceRole.LineIn), Source(Out, ZoneSourceRole.LineOut));

    private static TimeSpan? Minutely(SensorId sensor) => TimeSpan.FromMinutes(1);

    [Fact]
    public void Fuse_CountsArrivingAtTheEndOfTheirMinute_EachCountedOnce()
    {
        var live = new LiveOccupancy(TimeSpan.FromHours(3));
        var ins = new List<SensorReading>();
        var outs = new List<SensorReading>();
        ZoneOccupancy last = default!;

        // Steps every 10 seconds for an hour; the count of minute m (20 in, 5 out) is labelled m and known from m + 1.
        for (var s = 10; s <= 3600; s += 10)
        {
            var now = T0.AddSeconds(s);
            if (s % 60 == 0)
            {
                ins.Add(new SensorReading(now.AddMinutes(-1), 20));
                outs.Add(new SensorReading(now.AddMinutes(-1), 5));
            }

            var readings = new Dictionary<SensorId, IReadOnlyList<SensorReading>> { [In] = [.. ins], [Out] = [.. outs] };
            last = live.Fuse(Lines, readings, now, Minutely);
        }

        last.Persons.Should().BeApproximately(60 * 15, 1e-9, "sixty minutes of 15 net, each counted once, none lost for arriving after its label");
    }
}

public sealed class LineBalanceStateTest
{
    [Fact]
    public void ParseCounted_CountedText_GivesTheMarksBack()
    {
        var state = new LineBalanceState(3, T0, T0) { Counted = new Dictionary<SensorId, DateTimeOffset> { [Out] = T0.AddTicks(9), [In] = T0.AddMinutes(-1) } };

        var text = state.CountedText();

        text.Should().Be($"in={T0.AddMinutes(-1).UtcTicks} out={T0.AddTicks(9).UtcTicks}");
        (state with { Counted = LineBalanceState.ParseCounted(text) }).Should().Be(state);
        LineBalanceState.ParseCounted(string.Empty).Should().BeEmpty();
    }

    [Theory]
    [InlineData("in")]
    [InlineData("in=x")]
    [InlineData("=5")]
    [InlineData("in=-5")]
    [InlineData("bad id=5")]
    public void ParseCounted_NotMarks_Throws(string text) =>
        FluentActions.Invoking(() => LineBalanceState.ParseCounted(text)).Should().Throw<FormatException>();

    [Fact]
    public void Equals_DifferentMarks_NotEqual()
    {
        var a = new LineBalanceState(3, T0, T0) { Counted = new Dictionary<SensorId, DateTimeOffset> { [In] = T0 } };

        a.Should().NotBe(a with { Counted = new Dictionary<SensorId, DateTimeOffset> { [In] = T0.AddTicks(1) } });
        a.Should().Be(a with { Counted = new Dictionary<SensorId, DateTimeOffset> { [In] = T0 } });
    }
}

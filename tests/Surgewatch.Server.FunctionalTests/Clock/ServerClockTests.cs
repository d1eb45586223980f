using Surgewatch.Server.Clock;
using Surgewatch.Server.FunctionalTests.Infrastructure;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.FunctionalTests.Clock;

/// <summary>Nodes of a cluster playing the demo keep one clock when given the same real start instant.</summary>
public sealed class ServerClockTests
{
    private static readonly DateTimeOffset Real = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GetUtcNow_StartedTenSecondsAgoAtSixtyTimes_TenSimulatedMinutesOn()
    {
        var start = new DateTimeOffset(2026, 12, 5, 6, 30, 0, TimeSpan.Zero);

        var clock = new ServerClock(new ManualTime(Real), ClockMode.Demo, start, 60, Real - TimeSpan.FromSeconds(10));

        clock.GetUtcNow().Should().Be(start + TimeSpan.FromMinutes(10));
        clock.Origin.Should().Be(start);
    }

    [Fact]
    public void Create_TwoNodesWithTheSameStartedAtStartingApart_ReadTheSameTime()
    {
        var options = new ServerOptions { Mode = "Demo", Speed = 60, StartedAt = Real - TimeSpan.FromMinutes(3) };

        var first = ServerClocks.Create(options);
        Thread.Sleep(1000); // a simulated minute: two clocks anchored at their own creation would differ by that
        var second = ServerClocks.Create(options);

        var (a, b) = (first.GetUtcNow(), second.GetUtcNow());
        (b - a).Duration().Should().BeLessThan(TimeSpan.FromSeconds(20), "both run from the same anchor (the two reads may be a loaded machine's fraction of a second apart)");
        second.Origin.Should().Be(first.Origin);
    }
}

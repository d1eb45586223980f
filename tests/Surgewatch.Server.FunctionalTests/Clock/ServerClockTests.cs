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

        var reading = TimeProvider.System.GetTimestamp();
        var (a, b) = (first.GetUtcNow(), second.GetUtcNow());
        var apart = TimeProvider.System.GetElapsedTime(reading);

        // From one anchor the second read is the later one, by the time between the reads at 60x (a loaded machine may
        // hold a thread between them); a clock anchored at its own creation would be a simulated minute or more behind.
        (b - a).Should().BeGreaterThan(TimeSpan.FromSeconds(-20), "both run from the same anchor, not each from its creation");
        (b - a).Should().BeLessThan((apart * 60) + TimeSpan.FromSeconds(20), "both run from the same anchor (the reads were {0:0} ms apart)", apart.TotalMilliseconds);
        second.Origin.Should().Be(first.Origin);
    }
}

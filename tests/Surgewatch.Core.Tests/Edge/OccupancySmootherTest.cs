using FsCheck;
using FsCheck.Fluent;
using Surgewatch.Core.Edge;

namespace Surgewatch.Core.Tests.Edge;

public sealed class OccupancySmootherTest
{
    [Fact]
    public void Add_OneFrameSpike_IsIgnored()
    {
        var smoother = new OccupancySmoother(5);
        double last = 0;
        foreach (var count in new[] { 4, 4, 9, 4, 4 })
        {
            last = smoother.Add(count);
        }

        last.Should().Be(4);
    }

    [Fact]
    public void Add_SteadyCount_ReturnsIt()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, 50)), Arb.From(Gen.Choose(1, 15)), (count, window) =>
        {
            var smoother = new OccupancySmoother(window);
            var result = 0.0;
            for (var i = 0; i < window * 2; i++)
            {
                result = smoother.Add(count);
            }

            return result == count;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_Always_StaysWithinTheWindowsRange()
    {
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Choose(0, 20)).Where(l => l.Count > 0)), counts =>
        {
            var smoother = new OccupancySmoother(3);
            var recent = new List<int>();
            foreach (var c in counts)
            {
                recent.Add(c);
                var smoothed = smoother.Add(c);
                var window = recent.TakeLast(3).ToList();
                if (smoothed < window.Min() || smoothed > window.Max())
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reset_AfterAGap_ForgetsOldFrames()
    {
        var smoother = new OccupancySmoother(5);
        smoother.Add(10);
        smoother.Add(10);
        smoother.Reset();
        smoother.Add(2).Should().Be(2);
    }
}

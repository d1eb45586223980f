using Surgewatch.Cluster.Zones;
using Xunit.Abstractions;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>Zone ownership through grains on three in-process silos (Orleans' TestingHost).</summary>
public sealed class ZoneGrainTests(ITestOutputHelper output)
{
    /// <summary>
    /// Sweeps as a node does, until a sweep finds what the one before found and every zone is held where its grain says:
    /// a zone that another silo is preferred for leaves at one sweep and is activated there at the next.
    /// </summary>
    private static async Task<(IReadOnlyDictionary<string, string> Holders, int Sweeps)> SettledAsync(ThreeSilos silos, List<string> zones)
    {
        var last = await ZoneSweep.SweepAsync(silos.Grains, zones);
        for (var sweep = 2; sweep <= 60; sweep++)
        {
            await Task.Delay(200);
            var next = await ZoneSweep.SweepAsync(silos.Grains, zones);
            var held = silos.HeldBySilo();
            if (zones.All(z => next[z] == last[z] && held.TryGetValue(next[z], out var list) && list.Contains(z)))
            {
                return (next, sweep);
            }

            last = next;
        }

        var moving = zones.Where(z => !silos.HeldBySilo().Any(h => h.Key == last[z] && h.Value.Contains(z))).Take(5).Select(z => $"{z} answered by {last[z]}");
        throw new TimeoutException($"The zone holders did not settle within 60 sweeps; still moving: {string.Join("; ", moving)}.");
    }

    private static List<string> Zones(int count) => [.. Enumerable.Range(0, count).Select(i => $"zone-{i:D5}")];

    [Fact]
    public async Task HoldingAsync_ThreeSilos_EachZoneHeldByExactlyTheSiloItNames()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);

        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var held = silos.HeldBySilo();

        silos.ShouldHoldEachOnlyWhereNamed(holders, zones, "{0} is held by one silo, the one its grain names");
        held.Values.Should().OnlyContain(list => list.Count > 0, "60 zones spread over three silos leave none empty");
    }

    [Fact]
    public async Task HoldingAsync_SiloStopped_ItsZonesHeldBySurvivors()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);
        var before = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var victim = silos.Cluster.SecondarySilos[0];
        var lost = before.Where(h => h.Value == victim.SiloAddress.ToParsableString()).Select(h => h.Key).ToList();
        lost.Should().NotBeEmpty();

        await silos.Cluster.StopSiloAsync(victim);
        var after = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var held = silos.HeldBySilo();

        held.Should().HaveCount(2).And.NotContainKey(victim.SiloAddress.ToParsableString());
        after.Values.Should().NotContain(victim.SiloAddress.ToParsableString());
        silos.ShouldHoldEachOnlyWhereNamed(after, lost, "{0} moved to exactly one survivor");

        zones.Except(lost).Should().OnlyContain(z => after[z] == before[z], "the survivors keep the zones they held");
    }

    [Fact]
    public async Task HoldingAsync_SiloKilled_ItsZonesHeldBySurvivorsOnceDeclaredDead()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);
        var before = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var victim = silos.Cluster.SecondarySilos[0];
        var dead = victim.SiloAddress.ToParsableString();
        var lost = before.Where(h => h.Value == dead).Select(h => h.Key).ToList();

        await silos.Cluster.KillSiloAsync(victim);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        IReadOnlyDictionary<string, string> after;
        do
        {
            after = await ZoneSweep.SweepAsync(silos.Grains, zones);
        }
        while ((after.Count < zones.Count || after.Values.Contains(dead)) && clock.Elapsed < TimeSpan.FromSeconds(90));

        output.WriteLine($"{lost.Count} zones of the killed silo held by survivors after {clock.Elapsed.TotalSeconds:0.0} s");
        after.Should().HaveCount(zones.Count).And.NotContainValue(dead);
        silos.ShouldHoldEachOnlyWhereNamed(after, zones, "{0} is held by one survivor");
    }

    [Fact]
    public async Task HoldingAsync_SiloJoins_TakesAShareAndEachZoneStaysWithOneSilo()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(300);
        var before = await ZoneSweep.SweepAsync(silos.Grains, zones);

        var joined = await silos.Cluster.StartAdditionalSiloAsync();
        await silos.Cluster.WaitForLivenessToStabilizeAsync();
        var (after, sweeps) = await SettledAsync(silos, zones);
        var held = silos.HeldBySilo();

        var newcomer = joined.SiloAddress.ToParsableString();
        var moved = zones.Where(z => after[z] != before[z]).ToList();
        output.WriteLine($"{moved.Count} of {zones.Count} zones moved to the fourth silo; the holders settled after {sweeps} sweeps");
        moved.Should().NotBeEmpty().And.OnlyContain(z => after[z] == newcomer, "only the zones the newcomer wins move, and only to it");
        held[newcomer].Should().BeEquivalentTo(moved);
        silos.ShouldHoldEachOnlyWhereNamed(after, zones, "{0} is held by one silo");
    }

    [Fact]
    public async Task HoldingAsync_TenThousandZones_EachSiloHoldsAThirdWithinFivePoints()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(10_000);

        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);

        var shares = holders.Values.GroupBy(h => h).Select(g => 100.0 * g.Count() / zones.Count).OrderBy(s => s).ToList();
        output.WriteLine($"Spread of {zones.Count} zones over 3 silos (%): {string.Join(", ", shares.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
        shares.Should().HaveCount(3).And.OnlyContain(s => Math.Abs(s - 100.0 / 3) <= 5);
    }
}

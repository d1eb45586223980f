using Surgewatch.Cluster.Zones;
using Xunit.Abstractions;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>Zone ownership through grains on three in-process silos (Orleans' TestingHost).</summary>
public sealed class ZoneGrainTests(ITestOutputHelper output)
{
    private static List<string> Zones(int count) => [.. Enumerable.Range(0, count).Select(i => $"zone-{i:D5}")];

    [Fact]
    public async Task HolderAsync_ThreeSilos_EachZoneHeldByExactlyTheSiloItNames()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(60);

        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);
        var held = silos.HeldBySilo();

        foreach (var zone in zones)
        {
            held.Where(h => h.Value.Contains(zone)).Select(h => h.Key).Should().Equal([holders[zone]], $"{zone} is held by one silo, the one its grain names");
        }

        held.Values.Should().OnlyContain(list => list.Count > 0, "60 zones placed at random leave no silo of three empty");
    }

    [Fact]
    public async Task HolderAsync_SiloStopped_ItsZonesHeldBySurvivors()
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
        foreach (var zone in lost)
        {
            held.Where(h => h.Value.Contains(zone)).Select(h => h.Key).Should().Equal([after[zone]], $"{zone} moved to exactly one survivor");
        }

        zones.Except(lost).Should().OnlyContain(z => after[z] == before[z], "the survivors keep the zones they held");
    }

    [Fact]
    public async Task HolderAsync_TenThousandZones_EachSiloHoldsAThirdWithinFivePoints()
    {
        await using var silos = await ThreeSilos.StartAsync();
        var zones = Zones(10_000);

        var holders = await ZoneSweep.SweepAsync(silos.Grains, zones);

        var shares = holders.Values.GroupBy(h => h).Select(g => 100.0 * g.Count() / zones.Count).OrderBy(s => s).ToList();
        output.WriteLine($"Spread of {zones.Count} zones over 3 silos (%): {string.Join(", ", shares.Select(s => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))}");
        shares.Should().HaveCount(3).And.OnlyContain(s => Math.Abs(s - 100.0 / 3) <= 5);
    }
}

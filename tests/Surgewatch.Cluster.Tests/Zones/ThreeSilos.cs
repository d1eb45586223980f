using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Surgewatch.Cluster.Zones;

namespace Surgewatch.Cluster.Tests.Zones;

/// <summary>A fresh in-process cluster of three silos hosting the zone grains, as each test needs one (one test stops a silo).</summary>
internal sealed class ThreeSilos : IAsyncDisposable
{
    private ThreeSilos(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<ThreeSilos> StartAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<ZoneGrainSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ThreeSilos(cluster);
    }

    /// <summary>The zones each live silo's <see cref="HeldZones"/> lists, by the silo's parsable address.</summary>
    public Dictionary<string, IReadOnlyList<string>> HeldBySilo() =>
        Cluster.Silos.OfType<InProcessSiloHandle>().ToDictionary(
            s => s.SiloAddress.ToParsableString(),
            s => s.SiloHost.Services.GetRequiredService<HeldZones>().List());

    /// <summary>
    /// Asserts that each of <paramref name="zones"/> is held by exactly one live silo, the one <paramref name="holders"/>
    /// names; <paramref name="because"/> may hold {0} for the zone.
    /// </summary>
    public void ShouldHoldEachOnlyWhereNamed(IReadOnlyDictionary<string, string> holders, IEnumerable<string> zones, string because)
    {
        var held = HeldBySilo();
        foreach (var zone in zones)
        {
            held.Where(h => h.Value.Contains(zone)).Select(h => h.Key).Should().Equal([holders[zone]], because, zone);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    /// <summary>The <see cref="AlertShare"/> of the silo at <paramref name="silo"/> (parsable address).</summary>
    public AlertShare AlertsOf(string silo) => ServicesOf(silo).GetRequiredService<AlertShare>();

    /// <summary>The readings relayed to the silo at <paramref name="silo"/> (parsable address).</summary>
    public Readings.SiloIntake IntakeOf(string silo) => ServicesOf(silo).GetRequiredService<Readings.SiloIntake>();

    /// <summary>The services of the live silo at <paramref name="silo"/> (parsable address).</summary>
    public IServiceProvider ServicesOf(string silo) =>
        Cluster.Silos.OfType<InProcessSiloHandle>().Single(s => s.SiloAddress.ToParsableString() == silo).SiloHost.Services;

    private sealed class ZoneGrainSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddZoneGrains();
            siloBuilder.Services.AddSingleton<Core.Cluster.IAlertDesk, SiloDesk>();
            siloBuilder.Services.AddSingleton<Readings.SiloIntake>();
            siloBuilder.Services.AddSingleton<Core.Cluster.IRelayedReadings>(s => s.GetRequiredService<Readings.SiloIntake>());
        }
    }
}

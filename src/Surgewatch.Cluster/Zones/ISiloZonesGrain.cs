namespace Surgewatch.Cluster.Zones;

/// <summary>
/// One silo's account of the zones it holds, keyed by the silo's parsable address and living on that silo
/// (<see cref="SiloPinnedPlacement"/>): a node's sweep asks each live silo once, instead of every zone's grain.
/// </summary>
[Alias("Surgewatch.Cluster.Zones.ISiloZonesGrain")]
public interface ISiloZonesGrain : IGrainWithStringKey
{
    /// <summary>
    /// The subjects (zones, and the models' subject) whose grain lives on this silo, with what its node shared of them:
    /// the models' outlook and the alert views always, the zones' statuses when <paramref name="statuses"/>.
    /// </summary>
    [Alias("HeldAsync")]
    Task<SiloZones> HeldAsync(bool statuses);
}

/// <summary>What <see cref="ISiloZonesGrain.HeldAsync"/> answers.</summary>
/// <param name="Silo">The parsable address of the silo that answers.</param>
/// <param name="Held">The subjects it holds, ordered.</param>
/// <param name="Statuses">What its node shared for them (<see cref="ZoneHolding.Status"/>), by subject; subjects without one are absent, and zones when their statuses were not asked for.</param>
/// <param name="Alerts">The alert views its node shared for them (<see cref="ZoneHolding.Alerts"/>), by subject.</param>
/// <param name="Listening">Whether its node has live dashboards connected.</param>
/// <param name="EveryReading">Whether its node wants every reading the others store (<see cref="Core.Cluster.IRelayedReadings.WantsEveryReading"/>).</param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Zones.SiloZones")]
public sealed record SiloZones(
    [property: Id(0)] string Silo,
    [property: Id(1)] IReadOnlyList<string> Held,
    [property: Id(2)] IReadOnlyDictionary<string, string> Statuses,
    [property: Id(3)] IReadOnlyDictionary<string, string> Alerts,
    [property: Id(4)] bool Listening,
    [property: Id(5)] bool EveryReading = false);

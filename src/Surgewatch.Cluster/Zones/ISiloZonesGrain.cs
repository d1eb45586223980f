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
    /// the models' outlook and the alert views always, the zones' statuses when <paramref name="statuses"/>. When
    /// <paramref name="knownHeld"/> is the <see cref="SiloZones.HeldVersion"/> of the held list the asker already has
    /// from this silo and the silo still holds just those subjects, the answer leaves the list out (an empty one, that
    /// version): a settled cluster's sweeps do not carry every zone id across at every sweep. Likewise the alert views
    /// are left out (an empty map, that version) when <paramref name="knownAlerts"/> is the
    /// <see cref="SiloZones.AlertsVersion"/> of the views the asker already has: they change only when an alert does.
    /// </summary>
    [Alias("HeldAsync")]
    Task<SiloZones> HeldAsync(bool statuses, long knownHeld = 0, long knownAlerts = 0);
}

/// <summary>What <see cref="ISiloZonesGrain.HeldAsync"/> answers.</summary>
/// <param name="Silo">The parsable address of the silo that answers.</param>
/// <param name="Held">The subjects it holds, ordered; empty when the asker said it has them (<see cref="HeldVersion"/>).</param>
/// <param name="Statuses">What its node shared for them (<see cref="ZoneHolding.Status"/>), by subject; subjects without one are absent, and zones when their statuses were not asked for.</param>
/// <param name="Alerts">The alert views its node shared for them (<see cref="ZoneHolding.Alerts"/>), by subject; empty when the asker said it has them (<see cref="AlertsVersion"/>).</param>
/// <param name="Listening">Whether its node has live dashboards connected.</param>
/// <param name="EveryReading">Whether its node wants every reading the others store (<see cref="Core.Cluster.IRelayedReadings.WantsEveryReading"/>).</param>
/// <param name="HeldVersion">Which held list this is: a number the silo gives each new list (never 0, not reused by a new activation).</param>
/// <param name="AlertsVersion">Which alert views these are (for the held list): numbered as <paramref name="HeldVersion"/> is.</param>
[GenerateSerializer]
[Immutable]
[Alias("Surgewatch.Cluster.Zones.SiloZones")]
public sealed record SiloZones(
    [property: Id(0)] string Silo,
    [property: Id(1)] IReadOnlyList<string> Held,
    [property: Id(2)] IReadOnlyDictionary<string, string> Statuses,
    [property: Id(3)] IReadOnlyDictionary<string, string> Alerts,
    [property: Id(4)] bool Listening,
    [property: Id(5)] bool EveryReading = false,
    [property: Id(6)] long HeldVersion = 0,
    [property: Id(7)] long AlertsVersion = 0);

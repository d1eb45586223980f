namespace Surgewatch.Cluster.Readings;

/// <summary>
/// Where readings stored by another node enter a silo's node, keyed by the silo's parsable address and living on that
/// silo (<see cref="Zones.SiloPinnedPlacement"/>), as <see cref="Zones.ISiloZonesGrain"/> does.
/// </summary>
[Alias("Surgewatch.Cluster.Readings.ISiloReadingsGrain")]
public interface ISiloReadingsGrain : IGrainWithStringKey
{
    /// <summary>Hands <paramref name="readings"/>, stored by the calling node, to this silo's node (<see cref="Core.Cluster.IRelayedReadings"/>).</summary>
    [Alias("TakeAsync")]
    Task TakeAsync(RelayedReadings readings);
}

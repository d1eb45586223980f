namespace Surgewatch.Core.Monitoring;

/// <summary>
/// The port through which the zones' recent densities (<see cref="ZoneDensities"/>, the forecast rules' local trend,
/// part of the live loop's snapshot) survive a restart or a hand-over to another node.
/// </summary>
public interface IZoneDensityStore
{
    /// <summary>Writes <paramref name="densities"/>, each replacing the stored densities of its zone, in one transaction.</summary>
    Task UpsertZoneDensitiesAsync(IReadOnlyList<ZoneDensities> densities, CancellationToken cancellationToken = default);

    /// <summary>The stored densities, ordered by zone id (ordinal); NaN values (slots without a density) come back as NaN.</summary>
    Task<IReadOnlyList<ZoneDensities>> LoadZoneDensitiesAsync(CancellationToken cancellationToken = default);
}

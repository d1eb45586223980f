using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// Places a zone's grain on the silo that <see cref="Rendezvous"/> hashing prefers among the active silos: zones spread
/// evenly, and when a node joins or leaves only the zones whose preferred silo changed move.
/// </summary>
[GenerateSerializer]
[Immutable]
internal sealed class ZonePlacement : PlacementStrategy
{
    public static readonly ZonePlacement Instance = new();
}

/// <summary>Marks a grain class as placed by <see cref="ZonePlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class ZonePlacementAttribute() : PlacementAttribute(ZonePlacement.Instance);

/// <summary>Picks the preferred silo among those that can host the grain.</summary>
internal sealed class ZonePlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context) =>
        Task.FromResult(Rendezvous.Pick(KeyOf(target.GrainIdentity), context.GetCompatibleSilos(target)));

    /// <summary>The key hashed for a grain: the same text on the director's side and in the grain (a zone grain's is its subject).</summary>
    public static string KeyOf(GrainId grain) => grain.Key.ToString()!;
}

/// <summary>
/// Highest-random-weight (rendezvous) hashing: each silo scores a key by a hash of both, and the highest score wins.
/// The same on every node, and stable: a silo's arrival or loss moves only the keys it wins or held.
/// </summary>
internal static class Rendezvous
{
    /// <summary>The preferred silo for <paramref name="key"/>.</summary>
    /// <exception cref="InvalidOperationException">There is no silo.</exception>
    public static SiloAddress Pick(string key, IReadOnlyList<SiloAddress> silos) => silos[PickIndex(key, [.. silos.Select(s => s.ToParsableString())])];

    /// <summary>
    /// The index of the preferred silo for <paramref name="key"/> among <paramref name="silos"/>, given by their parsable
    /// addresses (formatted once for many keys).
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no silo.</exception>
    public static int PickIndex(string key, IReadOnlyList<string> silos)
    {
        var best = -1;
        var bestScore = 0UL;
        for (var i = 0; i < silos.Count; i++)
        {
            var score = Score(key, silos[i]);
            if (best < 0 || score > bestScore)
            {
                (best, bestScore) = (i, score);
            }
        }

        return best >= 0 ? best : throw new InvalidOperationException("No silo can host the zone grains.");
    }

    // FNV-1a over key and silo, then a SplitMix64 finish so that near-equal inputs score far apart.
    private static ulong Score(string key, string silo)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ '|') * 1099511628211UL;
        foreach (var c in silo)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}

namespace Surgewatch.Core.Cluster;

/// <summary>
/// Which live steps this node holds. One node holds them all (<see cref="HoldsEverything"/>); in a cluster each zone's
/// step, and each family of sensors' step (<see cref="FamilySteps"/>), is held by exactly one node at a time, and a
/// node steps only what it holds.
/// </summary>
public interface IZoneOwnership
{
    /// <summary>Whether this node holds every step (a node without a cluster); then <see cref="Holds"/> is always true.</summary>
    bool HoldsEverything { get; }

    /// <summary>Whether this node holds the live step of <paramref name="subject"/>: a zone id or one of <see cref="FamilySteps.All"/>.</summary>
    bool Holds(string subject);

    /// <summary>
    /// The subjects this node holds, ordered, in a list that is a new instance whenever a subject was added or removed
    /// since the last (the same instance tells a caller that nothing changed). Empty where <see cref="HoldsEverything"/>:
    /// a node without a cluster lists nothing, it steps whatever there is.
    /// </summary>
    IReadOnlyList<string> List();
}

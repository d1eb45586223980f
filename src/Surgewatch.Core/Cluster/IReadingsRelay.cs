using Surgewatch.Core.Series;

namespace Surgewatch.Core.Cluster;

/// <summary>
/// How readings posted to one node of a cluster reach the steps other nodes hold: once stored, the node that took them
/// hands them to the nodes holding the zones that use their sensors (and to the nodes running the models' groups, whose
/// panels hold every counter and road), whose <see cref="IRelayedReadings"/> takes them in as it would its own. A single node
/// is sent every reading itself and relays nothing.
/// </summary>
public interface IReadingsRelay
{
    /// <summary>
    /// Null where nothing is relayed (the store is the only way readings posted to other nodes arrive); in a cluster,
    /// how often a node still reads its zones' readings back from the store, for what a relay dropped
    /// (<c>Surgewatch:Cluster:ReadBackEvery</c>).
    /// </summary>
    TimeSpan? ReadBackEvery { get; }

    /// <summary>
    /// Hands on <paramref name="batch"/>, which this node has just stored; returns at once. A batch that cannot be
    /// delivered is dropped with a warning: it is in the store, which the receivers read back on a slower beat.
    /// </summary>
    void Send(ObservationBatch batch);
}

/// <summary>A node's side of <see cref="IReadingsRelay"/>: takes in readings another node stored.</summary>
public interface IRelayedReadings
{
    /// <summary>Whether this node wants every reading the others store, not only its zones': it runs the deployed models.</summary>
    bool WantsEveryReading { get; }

    /// <summary>Takes in <paramref name="batch"/> (already stored by the node it was posted to) as this node's own readings, without storing it again.</summary>
    void Take(ObservationBatch batch);
}

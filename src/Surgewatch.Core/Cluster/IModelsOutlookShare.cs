namespace Surgewatch.Core.Cluster;

/// <summary>
/// How the nodes of a cluster see the deployed models' outlooks (each counter's surge outlook, each road's congestion
/// outlook, and which models made them) while only the node holding <see cref="IZoneOwnership.ModelsSubject"/> runs
/// the models: that node forecasts every sensor once per slot, writes the forecasts to the store and shares what its
/// monitors show; the other nodes show what it shared. The outlook travels as text that the host makes and reads. On a
/// single node nothing is shared and <see cref="Shared"/> stays null.
/// </summary>
public interface IModelsOutlookShare
{
    /// <summary>Hands the outlook of the models this node runs to the cluster, replacing the last.</summary>
    void Share(string outlook);

    /// <summary>The outlook the node running the models shared last, as this node last learned it; null before any.</summary>
    string? Shared { get; }
}

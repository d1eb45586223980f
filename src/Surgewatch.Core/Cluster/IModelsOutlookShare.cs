namespace Surgewatch.Core.Cluster;

/// <summary>
/// How the nodes of a cluster see each group of sensors' outlook (each counter's surge outlook, each road's congestion
/// outlook, and which model made them) while only the node holding the group's step (<see cref="FamilySteps"/>) runs
/// the family's model for it: that node forecasts the group's sensors once per slot, writes the forecasts to the store
/// and shares what its monitor shows; the other nodes show what it shared. An outlook travels
/// as text that the host makes and reads. On a single node nothing is shared and <see cref="Shared"/> stays null.
/// </summary>
public interface IModelsOutlookShare
{
    /// <summary>Hands the outlook of group step <paramref name="family"/>, which this node runs, to the cluster, replacing the last.</summary>
    void Share(string family, string outlook);

    /// <summary>The outlook of group step <paramref name="family"/> that the node running it shared last, as this node last learned it; null before any.</summary>
    string? Shared(string family);
}

using Microsoft.Extensions.DependencyInjection;
using Surgewatch.Core.Cluster;

namespace Surgewatch.Cluster.Zones;

/// <summary>
/// The cluster's <see cref="IAlertShare"/>: this node's shared alert views stay here, where the zone grains living on this
/// silo read them for the other nodes' sweeps (<see cref="ZoneHolding.Alerts"/>); the views this node's own sweep brings
/// back from the other silos' grains become <see cref="Others"/>. An action goes to the subject's grain, which runs it on
/// the desk of the node holding the subject.
/// </summary>
internal sealed class AlertShare(ISiloServices silo) : IAlertShare
{
    private volatile IReadOnlyDictionary<string, string> _mine = new Dictionary<string, string>();
    private volatile IReadOnlyDictionary<string, string> _others = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Others => _others;

    /// <summary>The alert views this node shared last, by subject (a new instance at each share).</summary>
    public IReadOnlyDictionary<string, string> OwnViews => _mine;

    public void Share(IReadOnlyDictionary<string, string> alerts) => _mine = alerts;

    /// <summary>The alert views this node shared last for <paramref name="subject"/>, or null.</summary>
    public string? Mine(string subject) => _mine.TryGetValue(subject, out var alerts) ? alerts : null;

    /// <summary>Takes the views a sweep brought back from the other silos.</summary>
    public void Receive(IReadOnlyDictionary<string, string> others) => _others = others;

    public async Task<AlertActionOutcome> ActAtHolderAsync(string subject, AlertAction action, CancellationToken cancellationToken)
    {
        try
        {
            var grains = (await silo.ServicesAsync(cancellationToken)).GetRequiredService<IGrainFactory>();
            var acted = await grains.GetGrain<IZoneGrain>(subject).ActAsync(action.Key, action.Actor, action.Resolve, action.Note).WaitAsync(cancellationToken);
            return new AlertActionOutcome(acted.Result, acted.Text);
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // The holder died and is not yet declared dead (the call timed out or was refused): once the membership
            // agrees, the subject's grain is activated on a survivor, which takes the action.
            return new AlertActionOutcome(AlertActionResult.NotHeld, $"The node holding '{subject}' did not answer ({e.GetType().Name}); it is moving to another node.");
        }
    }
}

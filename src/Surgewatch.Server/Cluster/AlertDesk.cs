using Surgewatch.Core.Cluster;
using Surgewatch.Server.Alerts;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// Takes an operator's action on an alert this node keeps (<see cref="AlertBook"/>), whether it came to this node's API
/// or, through the cluster, to another node's (<see cref="IAlertDesk"/>); sends the alert's new view to this node's
/// dashboards. An alert this node does not keep because it has only just gained its subject is <see cref="AlertActionResult.NotHeld"/>.
/// </summary>
internal sealed class AlertDesk(AlertBook book, LiveNotifier live) : IAlertDesk
{
    /// <summary>The action's result and, when it was taken, the alert's view after it.</summary>
    public async Task<(AlertActionOutcome Outcome, AlertDto? Alert)> ActHereAsync(AlertAction action, CancellationToken cancellationToken)
    {
        AlertDto? alert;
        try
        {
            alert = await book.ActAsync(action.Key, action.Actor, action.Resolve, action.Note, cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            return (new AlertActionOutcome(AlertActionResult.NoOpenEpisode, e.Message), null);
        }

        if (alert is null)
        {
            var kept = AlertViews.StepOf(action.Key) is not { } step || book.Keeps(step);
            return (new AlertActionOutcome(kept ? AlertActionResult.NotFound : AlertActionResult.NotHeld, null), null);
        }

        await live.SendAsync(LiveMessages.Alert, alert, cancellationToken);
        return (new AlertActionOutcome(AlertActionResult.Done, null), alert);
    }

    public async Task<AlertActionOutcome> ActAsync(AlertAction action, CancellationToken cancellationToken)
    {
        var (outcome, alert) = await ActHereAsync(action, cancellationToken);
        return alert is null ? outcome : outcome with { Text = AlertViews.Write(alert) };
    }
}

using Surgewatch.Core.Cluster;
using Surgewatch.Server.Alerts;

namespace Surgewatch.Server.Cluster;

/// <summary>
/// Every alert of the cluster, for the API: this node's own (<see cref="AlertBook"/>) and the views the other nodes shared
/// for the subjects they step (<see cref="IAlertShare.Others"/>); an operator's action goes to the node that keeps the
/// alert. On a single node, or a node alone in its cluster, it is this node's book.
/// </summary>
internal sealed class SharedAlerts(AlertBook book, AlertDesk desk, IAlertShare share, IZoneOwnership ownership, Core.Zones.ZoneCatalog zones)
{
    private readonly object _sync = new();
    private (IReadOnlyDictionary<string, string> From, IReadOnlyDictionary<string, IReadOnlyList<AlertDto>> Views)? _parsed;

    /// <summary>
    /// The views other nodes shared, by step subject (a subject this node steps now is left out, as this node's own
    /// views of it are newer). A shared text that cannot be read is skipped: the next sweep brings it again.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AlertDto>> Others()
    {
        var others = share.Others;
        lock (_sync)
        {
            if (_parsed is not { } parsed || !ReferenceEquals(parsed.From, others))
            {
                var views = new Dictionary<string, IReadOnlyList<AlertDto>>(others.Count, StringComparer.Ordinal);
                foreach (var (subject, text) in others)
                {
                    try
                    {
                        views[subject] = AlertViews.ReadMany(text);
                    }
                    catch (System.Text.Json.JsonException)
                    {
                        // Written by a node of another version; its next share or the next sweep replaces it.
                    }
                }

                parsed = (others, views);
                _parsed = parsed;
            }

            return parsed.Views;
        }
    }

    /// <summary>Every alert that ever left Inactive (<paramref name="activeOnly"/>: only those with an episode going on), newest first.</summary>
    public async Task<IReadOnlyList<AlertDto>> ListAsync(bool activeOnly, CancellationToken cancellationToken)
    {
        var own = await book.ListAsync(activeOnly, cancellationToken);
        var others = ownership.HoldsEverything ? null : Others();
        if (others is null || others.Count == 0)
        {
            return own;
        }

        var list = new List<AlertDto>(own.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in own)
        {
            // A subject this node lost keeps its alerts here until the next step drops them: the new holder's views win.
            var step = AlertViews.StepOf(alert);
            if (ownership.Holds(step) || !others.ContainsKey(step))
            {
                list.Add(alert);
                keys.Add(alert.Key);
            }
        }

        foreach (var (subject, views) in others)
        {
            if (ownership.Holds(subject))
            {
                continue;
            }

            foreach (var alert in views)
            {
                if (!AlertViews.IsInactive(alert) && (!activeOnly || AlertViews.IsActive(alert)) && keys.Add(alert.Key))
                {
                    list.Add(alert);
                }
            }
        }

        list.Sort((a, b) => b.Since.CompareTo(a.Since));
        return list;
    }

    /// <summary>
    /// Acknowledges or resolves an alert: here when this node keeps it, else on the node that holds its subject (one
    /// whose shared views list it, or a zone or a family's step not shared yet). The node that takes it tells every
    /// node's dashboards (the hub's backplane).
    /// </summary>
    public async Task<(AlertActionOutcome Outcome, AlertDto? Alert)> ActAsync(AlertAction action, CancellationToken cancellationToken)
    {
        var step = AlertViews.StepOf(action.Key);
        if (ownership.HoldsEverything || step is null || ownership.Holds(step) || !(Others().ContainsKey(step) || await KnownAsync(step, cancellationToken)))
        {
            var (outcome, alert) = await desk.ActHereAsync(action, cancellationToken);

            // Not held here and shared by no node: no alert known to this node (a subject between two holders is
            // listed by neither for a moment).
            return outcome.Result == AlertActionResult.NotHeld && step is not null && !ownership.Holds(step)
                ? (outcome with { Result = AlertActionResult.NotFound }, null)
                : (outcome, alert);
        }

        var remote = await share.ActAtHolderAsync(step, action, cancellationToken);
        return remote.Result == AlertActionResult.Done && remote.Text is { } text
            ? (remote with { Text = null }, AlertViews.ReadOne(text))
            : (remote, null);
    }

    /// <summary>
    /// Whether a subject exists though no node has shared its views yet: a dashboard hears of a new alert from its
    /// keeper at once (the hub's backplane), a second or two before the keeper's views come with the sweep.
    /// </summary>
    private async Task<bool> KnownAsync(string step, CancellationToken cancellationToken) =>
        FamilySteps.Is(step) || (await zones.IdsAsync(cancellationToken)).Contains(step, StringComparer.Ordinal);
}

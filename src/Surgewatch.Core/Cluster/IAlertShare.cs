namespace Surgewatch.Core.Cluster;

/// <summary>
/// How the nodes of a cluster see and act on each other's alerts, so that every node lists every alert and takes an
/// operator's action on any of them while each alert is kept by the one node that steps its subject. A node shares the
/// views of the alerts of the subjects it steps (a zone id, or a group's step of <see cref="FamilySteps"/> for the
/// counters' or the roads' alerts); it reads the others' as they last shared them, and hands an action on one of theirs to
/// the node stepping its subject (<see cref="IAlertDesk"/> there). Views travel as the text the API writes, which the host
/// makes and reads. On a single node nothing is shared, <see cref="Others"/> is empty and nothing is handed over.
/// </summary>
public interface IAlertShare
{
    /// <summary>Hands the views of this node's alerts (step subject → text) to the cluster, replacing the last.</summary>
    void Share(IReadOnlyDictionary<string, string> alerts);

    /// <summary>The alert views other nodes shared last, by step subject (the same dictionary until new ones arrive).</summary>
    IReadOnlyDictionary<string, string> Others { get; }

    /// <summary>Has the node that steps <paramref name="subject"/> take <paramref name="action"/> on its alert desk.</summary>
    Task<AlertActionOutcome> ActAtHolderAsync(string subject, AlertAction action, CancellationToken cancellationToken);
}

/// <summary>A node's side of <see cref="IAlertShare.ActAtHolderAsync"/>: takes an operator's action on an alert it keeps.</summary>
public interface IAlertDesk
{
    /// <summary>Acknowledges or resolves the alert on this node.</summary>
    Task<AlertActionOutcome> ActAsync(AlertAction action, CancellationToken cancellationToken);
}

/// <summary>An operator's action on an alert.</summary>
/// <param name="Key">The alert's key (<c>ruleId/subject</c>).</param>
/// <param name="Actor">Who acts (the API key's name), never a person's identifier.</param>
/// <param name="Resolve">True to resolve the open episode by hand, false to acknowledge it.</param>
/// <param name="Note">The operator's note, already checked, or null.</param>
public sealed record AlertAction(string Key, string Actor, bool Resolve, string? Note);

/// <summary>How an <see cref="AlertAction"/> ended.</summary>
public enum AlertActionResult
{
    /// <summary>Taken; the outcome's text is the alert's view after it.</summary>
    Done,

    /// <summary>The node keeps no such alert.</summary>
    NotFound,

    /// <summary>The alert has no open episode; the outcome's text says why.</summary>
    NoOpenEpisode,

    /// <summary>The node does not step the alert's subject (yet): it is moving between nodes, try again shortly.</summary>
    NotHeld,
}

/// <summary>What an <see cref="AlertAction"/> gave.</summary>
/// <param name="Result">How it ended.</param>
/// <param name="Text">The alert's view (<see cref="AlertActionResult.Done"/>) or the reason (<see cref="AlertActionResult.NoOpenEpisode"/>), else null.</param>
public sealed record AlertActionOutcome(AlertActionResult Result, string? Text);

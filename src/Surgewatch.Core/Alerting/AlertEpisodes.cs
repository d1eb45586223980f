namespace Surgewatch.Core.Alerting;

/// <summary>Reads alert episodes back from the alert events the server stores (the audit of every change). Pure.</summary>
public static class AlertEpisodes
{
    /// <summary>
    /// The episodes in <paramref name="events"/> (oldest first, as the store lists them) that fired, closed ones and those
    /// still open, ordered by start. An episode opens at a Pending or Firing event of a closed alert and closes at a
    /// Resolved or Inactive one; NoData within it keeps it open. An episode that only stayed Pending is left out: it never
    /// alerted anyone. Events of an episode opened before the first event are ignored until the alert closes.
    /// </summary>
    public static IReadOnlyList<AlertEpisode> From(IReadOnlyList<AlertEvent> events)
    {
        var open = new Dictionary<string, AlertEpisode>(StringComparer.Ordinal);
        var done = new List<AlertEpisode>();
        foreach (var e in events)
        {
            if (open.TryGetValue(e.AlertKey, out var episode))
            {
                episode = Add(episode, e);
                if (e.State is AlertState.Resolved or AlertState.Inactive)
                {
                    open.Remove(e.AlertKey);
                    Keep(done, episode with { EndedAt = e.At });
                }
                else
                {
                    open[e.AlertKey] = episode;
                }
            }
            else if (e.State is AlertState.Pending or AlertState.Firing && e.Actor is null)
            {
                open[e.AlertKey] = new AlertEpisode(e.AlertKey, e.RuleId, e.Subject, e.At,
                    e.State == AlertState.Firing ? e.At : null, null, e.Value, null, null, null, null);
            }
        }

        foreach (var episode in open.Values)
        {
            Keep(done, episode);
        }

        done.Sort((a, b) => a.StartedAt.CompareTo(b.StartedAt));
        return done;
    }

    private static void Keep(List<AlertEpisode> done, AlertEpisode episode)
    {
        if (episode.FiredAt is not null)
        {
            done.Add(episode);
        }
    }

    private static AlertEpisode Add(AlertEpisode episode, AlertEvent e)
    {
        var peak = e.Value is { } v && !double.IsNaN(v) && (episode.Peak is not { } p || v > p) ? v : episode.Peak;
        var next = episode with
        {
            Peak = peak,
            FiredAt = episode.FiredAt ?? (e.State == AlertState.Firing ? e.At : null),
        };
        if (e.Actor is null)
        {
            return next;
        }

        // An operator's event: its note is "acknowledged" or "resolved by operator", then ": " and the operator's own note.
        var note = OperatorNote(e.Note) ?? next.Note;
        return e.State is AlertState.Resolved
            ? next with { ResolvedBy = e.Actor, Note = note }
            : next with { AcknowledgedBy = next.AcknowledgedBy ?? e.Actor, AcknowledgedAt = next.AcknowledgedAt ?? e.At, Note = note };
    }

    private static string? OperatorNote(string? note)
    {
        var colon = note?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return colon < 0 ? null : note![(colon + 2)..];
    }
}

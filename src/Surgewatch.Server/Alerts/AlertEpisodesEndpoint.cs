using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Alerts;

/// <summary>
/// An alert episode as the API shows it (see <see cref="AlertEpisode"/>): <c>endedAt</c> null while open,
/// <c>durationSeconds</c> to the end or to now, <c>peak</c> in <c>unit</c>. <c>severity</c> is null once the monitors no
/// longer hold the rule.
/// </summary>
internal sealed record AlertEpisodeDto(
    string Key,
    string RuleId,
    string RuleName,
    string ZoneId,
    string SubjectKind,
    string? Severity,
    DateTimeOffset StartedAt,
    DateTimeOffset? FiredAt,
    DateTimeOffset? EndedAt,
    double DurationSeconds,
    double? Peak,
    string? Unit,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? Note,
    string? ResolvedBy);

/// <summary>
/// <c>GET /api/v1/alerts/episodes?since=&amp;subject=</c>: the alert episodes (that fired) overlapping the time since
/// <c>since</c> (default: the last 24 h on the server clock), read back from the stored alert events.
/// </summary>
internal static class AlertEpisodesEndpoint
{
    /// <summary>How far before <c>since</c> events are read, so that an episode that started before it is whole.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromDays(1);

    /// <summary>At most this many pages of events are read (each of <see cref="ServerOptions.MaxAlertEvents"/>).</summary>
    private const int MaxPages = 50;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts/episodes", ListAsync)
            .WithName("GetAlertEpisodes")
            .WithSummary("Alert episodes that fired and overlap the time since 'since' (ISO-8601 with offset; default 24 h ago), " +
                "optionally of one 'subject' (zone or counter id), by start: duration, peak, who acknowledged, the note, who resolved by hand.")
            .Produces<AlertEpisodeDto[]>()
            .OpenRead();

    private static async Task<IResult> ListAsync(
        DateTimeOffset? since, string? subject, IAlertStore store, AlertBook book, IOptions<ServerOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = since ?? now - TimeSpan.FromDays(1);
        var events = await ReadAsync(store, from - Lead, options.Value.MaxAlertEvents, cancellationToken);
        var severities = await book.RuleSeveritiesAsync(cancellationToken);
        var list = new List<AlertEpisodeDto>();
        foreach (var episode in AlertEpisodes.From(events))
        {
            if ((episode.EndedAt ?? now) >= from && (subject is null || episode.Subject == subject))
            {
                list.Add(ToDto(episode, severities.GetValueOrDefault(episode.RuleId), now));
            }
        }

        return Results.Ok(list);
    }

    private static async Task<List<AlertEvent>> ReadAsync(IAlertStore store, DateTimeOffset from, int page, CancellationToken cancellationToken)
    {
        var events = new List<AlertEvent>();
        for (var i = 0; i < MaxPages; i++)
        {
            var batch = await store.ListAlertEventsAsync(from, page, cancellationToken);
            events.AddRange(batch);
            if (batch.Count < page)
            {
                break;
            }

            // Events at the last instant may straddle the page: read from it again, dropping those already taken.
            var last = batch[^1].At;
            if (batch[0].At == last)
            {
                break; // a whole page at one instant: no way forward by time alone
            }

            events.RemoveAll(e => e.At == last);
            from = last;
        }

        return events;
    }

    private static AlertEpisodeDto ToDto(AlertEpisode e, string? severity, DateTimeOffset now)
    {
        var label = RuleLabels.Of(e.RuleId);

        // A counter alert's stored values are its lifecycle's 1-while-warned flags, not the probability its unit names.
        var peak = e.RuleId == Core.Live.SurgeMonitor.RuleId ? null : e.Peak;
        return new AlertEpisodeDto(e.AlertKey, e.RuleId, label.Name, e.Subject, AlertDto.SubjectKindOf(e.RuleId), severity,
            e.StartedAt, e.FiredAt, e.EndedAt, Math.Round(e.Duration(now).TotalSeconds), peak is { } p ? Math.Round(p, 3) : null,
            label.Unit, e.AcknowledgedBy, e.AcknowledgedAt, e.Note, e.ResolvedBy);
    }
}

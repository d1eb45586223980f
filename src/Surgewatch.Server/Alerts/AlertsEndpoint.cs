using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Alerting;
using Surgewatch.Core.Cluster;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;
using Surgewatch.Server.Live;

namespace Surgewatch.Server.Alerts;

/// <summary>An alert event as the API shows it.</summary>
internal sealed record AlertEventDto(string AlertKey, string RuleId, string Subject, AlertState State, DateTimeOffset At, double? Value, string? Actor, string? Note);

/// <summary>An operator's note on an acknowledgement or manual resolve; a note holding a personal identifier is refused (422).</summary>
internal sealed record AlertActionRequest(string? Note);

/// <summary>
/// <c>GET /api/v1/alerts?active=</c> (current alerts), <c>POST /alerts/{key}/ack</c> and <c>/resolve</c> (operator),
/// and <c>GET /alerts/events?since=&amp;limit=</c> (the stored history, oldest first).
/// </summary>
internal static class AlertsEndpoint
{
    private const int DefaultLimit = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alerts", (bool? active, Cluster.SharedAlerts alerts, CancellationToken ct) => alerts.ListAsync(active ?? false, ct))
            .WithName("GetAlerts")
            .WithSummary("Zone alerts (every alert that ever left Inactive; active=true: only pending, firing, recovering or no-data; 'open' marks those for the inbox, 'inhibitedBy' those a worse alert of the same subject stands for), newest first.")
            .Produces<AlertDto[]>()
            .OpenRead();
        api.MapPost("/alerts/{key}/ack", (string key, AlertActionRequest? body, HttpContext context, Cluster.SharedAlerts alerts, Audit.AuditTrail audit, CancellationToken ct) =>
                ActAsync(key, body, context, alerts, audit, resolve: false, ct))
            .WithName("AcknowledgeAlert").WithSummary("Acknowledges an alert's open episode (it stops escalating). The key may contain '/': URL-encode it.")
            .Produces<AlertDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireKey(ApiKeyRole.Operator);
        api.MapPost("/alerts/{key}/resolve", (string key, AlertActionRequest? body, HttpContext context, Cluster.SharedAlerts alerts, Audit.AuditTrail audit, CancellationToken ct) =>
                ActAsync(key, body, context, alerts, audit, resolve: true, ct))
            .WithName("ResolveAlert").WithSummary("Resolves an alert's open episode by hand; if the condition still holds, a new episode starts.")
            .Produces<AlertDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireKey(ApiKeyRole.Operator);
        api.MapGet("/alerts/events", ListEventsAsync)
            .WithName("GetAlertEvents")
            .WithSummary("Alert events at or after 'since' (ISO-8601; site-local without an offset), oldest first, at most 'limit'.")
            .Produces<AlertEventDto[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .OpenRead();
        AlertEpisodesEndpoint.Map(api);
    }

    private static async Task<IResult> ActAsync(
        string key, AlertActionRequest? body, HttpContext context, Cluster.SharedAlerts alerts, Audit.AuditTrail audit, bool resolve, CancellationToken cancellationToken)
    {
        if (Privacy.FreeTextPrivacy.Refusal("note", body?.Note) is { } refused)
        {
            return refused;
        }

        var actor = await audit.ActorAsync(context);
        var (outcome, alert) = await alerts.ActAsync(new AlertAction(Uri.UnescapeDataString(key), actor, resolve, body?.Note), cancellationToken);
        switch (outcome.Result)
        {
            case AlertActionResult.Done when alert is not null:
                await audit.RecordAsync(actor, resolve ? "alert.resolve" : "alert.acknowledge", alert.Key, body?.Note, cancellationToken);
                return Results.Ok(alert);
            case AlertActionResult.NoOpenEpisode:
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The alert has no open episode", detail: outcome.Text);
            case AlertActionResult.NotHeld:
                context.Response.Headers.RetryAfter = "2";
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The alert is moving to another node",
                    detail: outcome.Text ?? $"The alert '{key}' is being taken over by another node of the cluster; try again in a few seconds.");
            default:
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such alert", detail: $"No alert '{key}' is known; list them with GET /api/v1/alerts.");
        }
    }

    private static async Task<IResult> ListEventsAsync(string? since, int? limit, IAlertStore store, Clock.ClockDtos clocks, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        if (QueryLabels.Since(since, clocks.SiteZone, out var from) is { } badSince)
        {
            return badSince;
        }

        var max = options.Value.MaxAlertEvents;
        var count = limit ?? DefaultLimit;
        if (count < 1 || count > max)
        {
            return QueryProblems.BadParameter("limit", $"give a limit from 1 to {max}");
        }

        var events = await store.ListAlertEventsAsync(from, count, cancellationToken);
        var dtos = new AlertEventDto[events.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var e = events[i];
            dtos[i] = new AlertEventDto(e.AlertKey, e.RuleId, e.Subject, e.State, e.At, e.Value is { } v && !double.IsNaN(v) ? v : null, e.Actor, e.Note);
        }

        return Results.Ok(dtos);
    }
}

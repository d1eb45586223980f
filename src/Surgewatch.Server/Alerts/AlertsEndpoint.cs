using Microsoft.Extensions.Options;
using Surgewatch.Core.Alerting;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Alerts;

/// <summary>An alert event as the API shows it.</summary>
internal sealed record AlertEventDto(string AlertKey, string RuleId, string Subject, AlertState State, DateTimeOffset At, double? Value, string? Actor, string? Note);

/// <summary><c>GET /api/v1/alerts?since=&amp;limit=</c>: the alert history from the store, oldest first.</summary>
internal static class AlertsEndpoint
{
    private const int DefaultLimit = 100;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts", ListAsync)
            .WithName("GetAlertEvents")
            .WithSummary("Alert events at or after 'since' (ISO-8601 instant), oldest first, at most 'limit'.")
            .Produces<AlertEventDto[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .OpenRead();

    private static async Task<IResult> ListAsync(DateTimeOffset? since, int? limit, IAlertStore store, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxAlertEvents;
        var count = limit ?? DefaultLimit;
        if (count < 1 || count > max)
        {
            return QueryProblems.BadParameter("limit", $"give a limit from 1 to {max}");
        }

        var events = await store.ListAlertEventsAsync(since ?? DateTimeOffset.MinValue, count, cancellationToken);
        var dtos = new AlertEventDto[events.Count];
        for (var i = 0; i < dtos.Length; i++)
        {
            var e = events[i];
            dtos[i] = new AlertEventDto(e.AlertKey, e.RuleId, e.Subject, e.State, e.At, e.Value is { } v && !double.IsNaN(v) ? v : null, e.Actor, e.Note);
        }

        return Results.Ok(dtos);
    }
}

using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Core.Audit;
using Surgewatch.Server.Auth;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Audit;

/// <summary><c>GET /api/v1/audit?since=&amp;limit=</c>: the audit log, oldest first (admin).</summary>
internal static class AuditEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", ListAsync)
            .WithName("GetAudit")
            .WithSummary("Audit entries (who, when, action, target, detail) at or after 'since' (ISO-8601; site-local without an offset), oldest first, at most 'limit' (default 100).")
            .Produces<AuditEntry[]>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(ApiKeyRole.Admin);

    private static async Task<IResult> ListAsync(string? since, int? limit, IAuditLog log, Clock.ClockDtos clocks, IOptions<ServerOptions> options, CancellationToken cancellationToken)
    {
        if (QueryLabels.Since(since, clocks.SiteZone, out var from) is { } badSince)
        {
            return badSince;
        }

        var max = options.Value.MaxAlertEvents;
        var count = limit ?? 100;
        if (count < 1 || count > max)
        {
            return QueryProblems.BadParameter("limit", $"give a limit from 1 to {max}");
        }

        return Results.Ok(await log.ListAuditAsync(from, count, cancellationToken));
    }
}

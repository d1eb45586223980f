using Surgewatch.Core.Access;
using Surgewatch.Server.Audit;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Silences;

/// <summary><c>GET/POST /api/v1/silences</c>, <c>DELETE /silences/{id}</c>: mute alerts of a zone and/or rule for a while (operator). Stored; audited.</summary>
internal static class SilencesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/silences", async (SilenceBook book, CancellationToken ct) => Results.Ok(await book.ListAsync(ct))).WithName("GetSilences")
            .WithSummary("The silences, by start.").Produces<SilenceDto[]>().OpenRead();
        api.MapPost("/silences", CreateAsync).WithName("PostSilence")
            .WithSummary("Mutes alerts of zoneId and/or ruleId (null matches any) from startsAt until endsAt.")
            .Produces<SilenceDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(ApiKeyRole.Operator);
        api.MapDelete("/silences/{id}", DeleteAsync)
            .WithName("DeleteSilence").WithSummary("Ends a silence.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(ApiKeyRole.Operator);
    }

    private static async Task<IResult> CreateAsync(SilenceRequest request, HttpContext context, SilenceBook book, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (request.EndsAt <= request.StartsAt)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["endsAt"] = ["endsAt must be after startsAt"] }, title: "Bad silence");
        }

        var actor = await audit.ActorAsync(context);
        var silence = await book.AddAsync(request, actor, cancellationToken);
        await audit.RecordAsync(actor, "silence.create", silence.Id,
            $"zone={silence.ZoneId ?? "*"} rule={silence.RuleId ?? "*"} {silence.StartsAt:O}..{silence.EndsAt:O} {silence.Comment}", cancellationToken);
        return Results.Created($"/api/v1/silences/{silence.Id}", silence);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, SilenceBook book, AuditTrail audit, CancellationToken cancellationToken)
    {
        if (!await book.RemoveAsync(id, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such silence", detail: $"No silence '{id}'.");
        }

        await audit.RecordAsync(context, "silence.delete", id);
        return Results.NoContent();
    }
}

using Surgewatch.Core.Access;
using Surgewatch.Server.Auth;

namespace Surgewatch.Server.Silences;

/// <summary><c>GET/POST /api/v1/silences</c>, <c>DELETE /silences/{id}</c>: mute alerts of a zone and/or rule for a while (operator).</summary>
internal static class SilencesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/silences", (SilenceBook book) => Results.Ok(book.List())).WithName("GetSilences")
            .WithSummary("The silences, by start.").Produces<SilenceDto[]>().OpenRead();
        api.MapPost("/silences", CreateAsync).WithName("PostSilence")
            .WithSummary("Mutes alerts of zoneId and/or ruleId (null matches any) from startsAt until endsAt.")
            .Produces<SilenceDto>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireKey(ApiKeyRole.Operator);
        api.MapDelete("/silences/{id}", (string id, SilenceBook book) => book.Remove(id)
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such silence", detail: $"No silence '{id}'."))
            .WithName("DeleteSilence").WithSummary("Ends a silence.").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .RequireKey(ApiKeyRole.Operator);
    }

    private static async Task<IResult> CreateAsync(SilenceRequest request, HttpContext context, SilenceBook book, ApiKeyAuthenticator keys)
    {
        if (request.EndsAt <= request.StartsAt)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["endsAt"] = ["endsAt must be after startsAt"] }, title: "Bad silence");
        }

        var actor = await keys.AuthenticateAsync(context) is { } k ? $"{k.Name} ({k.Id})" : "unknown";
        var silence = book.Add(request, actor);
        return Results.Created($"/api/v1/silences/{silence.Id}", silence);
    }
}

using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>A request to make a key.</summary>
/// <param name="Name">What the key is for (for example the sensor gateway using it).</param>
/// <param name="Role">ingest, operator or admin.</param>
internal sealed record CreateKeyRequest(string Name, ApiKeyRole Role);

/// <summary>A new key: <paramref name="Key"/> is shown only in this reply.</summary>
internal sealed record CreatedKey(string Id, string Name, ApiKeyRole Role, DateTimeOffset CreatedAt, string Key);

/// <summary>A key as listed: never its secret or hash.</summary>
internal sealed record KeyDto(string Id, string Name, ApiKeyRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static KeyDto Of(ApiKey key) => new(key.Id, key.Name, key.Role, key.CreatedAt, key.LastUsedAt, key.RevokedAt, key.IsActive);
}

/// <summary>
/// <c>POST /api/v1/keys</c>, <c>GET /keys</c> and <c>DELETE /keys/{id}</c>: admins make, list and revoke keys. A
/// revocation is effective at once on every node, since every request looks its key up in the shared store.
/// </summary>
internal static class KeyEndpoints
{
    private const int MaxNameLength = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/keys", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Make an API key (admin). The key is in the reply only once.")
            .Produces<CreatedKey>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .RequireKey(ApiKeyRole.Admin);
        api.MapGet("/keys", async (IApiKeyStore keys, CancellationToken cancellationToken) =>
                Results.Ok((await keys.ListApiKeysAsync(cancellationToken)).Select(KeyDto.Of).ToArray()))
            .WithName("GetKeys")
            .WithSummary("Every key, revoked ones included: id, name, role, created, last used (to the minute), revoked (admin). Never the secret.")
            .Produces<KeyDto[]>()
            .RequireKey(ApiKeyRole.Admin);
        api.MapDelete("/keys/{id}", RevokeAsync)
            .WithName("RevokeKey")
            .WithSummary("Revoke a key at once (admin); audited. The last active admin key cannot be revoked (409).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireKey(ApiKeyRole.Admin);
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext context, IApiKeyStore keys, ApiKeyAuthenticator authenticator, Audit.AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            if (!await keys.RevokeApiKeyAsync(id, clock.GetUtcNow(), cancellationToken))
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such active key", detail: $"No active key '{id}'. GET /api/v1/keys lists the keys.");
            }
        }
        catch (InvalidOperationException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The key cannot be revoked", detail: e.Message);
        }

        authenticator.Forget(id);
        await audit.RecordAsync(context, "key.revoke", id);
        return Results.NoContent();
    }

    private static async Task<IResult> CreateAsync(CreateKeyRequest request, HttpContext context, IApiKeyStore keys, Audit.AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > MaxNameLength || !Enum.IsDefined(request.Role))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [$"Give the key a name of 1 to {MaxNameLength} characters."],
                ["role"] = ["One of ingest, operator, admin."],
            });
        }

        if (Privacy.FreeTextPrivacy.Refusal("name", request.Name) is { } refused)
        {
            return refused;
        }

        var secret = ApiKeySecrets.Generate();
        var hash = ApiKeySecrets.Hash(secret);
        var key = new ApiKey(ApiKeySecrets.IdOf(hash), request.Name.Trim(), request.Role, hash, clock.GetUtcNow());
        await keys.AddApiKeyAsync(key, cancellationToken);
        await audit.RecordAsync(context, "key.create", key.Id, $"name={key.Name} role={key.Role}");
        return Results.Created($"/api/v1/keys/{key.Id}", new CreatedKey(key.Id, key.Name, key.Role, key.CreatedAt, secret));
    }
}

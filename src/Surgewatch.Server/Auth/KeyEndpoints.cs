using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>A request to make a key.</summary>
/// <param name="Name">What the key is for (for example the sensor gateway using it).</param>
/// <param name="Role">ingest, operator or admin.</param>
internal sealed record CreateKeyRequest(string Name, ApiKeyRole Role);

/// <summary>A new key: <paramref name="Key"/> is shown only in this reply.</summary>
internal sealed record CreatedKey(string Id, string Name, ApiKeyRole Role, DateTimeOffset CreatedAt, string Key);

/// <summary><c>POST /api/v1/keys</c>: admins make keys.</summary>
internal static class KeyEndpoints
{
    private const int MaxNameLength = 200;

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/keys", CreateAsync)
            .WithName("CreateKey")
            .WithSummary("Make an API key (admin). The key is in the reply only once.")
            .RequireKey(ApiKeyRole.Admin);

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

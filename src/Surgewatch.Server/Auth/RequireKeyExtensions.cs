using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Auth;

/// <summary>Refuses a request without a known key (401) or with a key whose role is too low (403).</summary>
internal sealed class RequireKeyFilter(ApiKeyRole role, bool onlyWhenReadsAreClosed) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (onlyWhenReadsAreClosed && !http.RequestServices.GetRequiredService<IOptions<ServerOptions>>().Value.RequireKeyForReads)
        {
            return await next(context);
        }

        var key = await http.RequestServices.GetRequiredService<ApiKeyAuthenticator>().AuthenticateAsync(http);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "An API key is required",
                detail: "Send a valid key as 'Authorization: Bearer KEY'. An admin makes keys with POST /api/v1/keys.");
        }

        if (!key.Grants(role))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This key may not do that",
                detail: $"The key '{key.Id}' has role {key.Role}; this operation needs {role} or higher.");
        }

        return await next(context);
    }
}

/// <summary>Attaches <see cref="RequireKeyFilter"/> to endpoints.</summary>
internal static class RequireKeyExtensions
{
    /// <summary>The endpoints need a key with at least <paramref name="role"/>.</summary>
    public static TBuilder RequireKey<TBuilder>(this TBuilder builder, ApiKeyRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RequireKeyFilter(role, onlyWhenReadsAreClosed: false))
            .WithMetadata(new RequiresApiKey(role))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The endpoints serve open data: public unless <see cref="ServerOptions.RequireKeyForReads"/> is set.</summary>
    public static TBuilder OpenRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RequireKeyFilter(ApiKeyRole.Ingest, onlyWhenReadsAreClosed: true));
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;
using Surgewatch.Server.Hosting;

namespace Surgewatch.Server.Auth;

/// <summary>Needs a key of at least <paramref name="Role"/>; when <paramref name="OnlyWhenReadsAreClosed"/>, only while <see cref="ServerOptions.RequireKeyForReads"/> is set.</summary>
internal sealed record ApiKeyRequirement(ApiKeyRole Role, bool OnlyWhenReadsAreClosed) : IAuthorizationRequirement;

/// <summary>
/// The authorization policies of the API, one per role plus <see cref="Read"/> for open data. They are checked by
/// the authorization middleware, after routing and before the endpoint binds its parameters, so an anonymous caller
/// gets 401 (and a key of too low a role 403) before any request body is read.
/// </summary>
internal static class ApiKeyPolicies
{
    /// <summary>Open data: anyone, unless <see cref="ServerOptions.RequireKeyForReads"/> is set, then any active key.</summary>
    public const string Read = "read";

    public static string For(ApiKeyRole role) => "role:" + role.ToString().ToLowerInvariant();

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(options =>
        {
            options.AddPolicy(Read, policy => policy.AddRequirements(new ApiKeyRequirement(ApiKeyRole.Ingest, OnlyWhenReadsAreClosed: true)));
            foreach (var role in Enum.GetValues<ApiKeyRole>())
            {
                options.AddPolicy(For(role), policy => policy.AddRequirements(new ApiKeyRequirement(role, OnlyWhenReadsAreClosed: false)));
            }
        });
        services.AddSingleton<IAuthorizationHandler, ApiKeyRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiKeyProblems>();
    }
}

/// <summary>Grants an <see cref="ApiKeyRequirement"/> to a key of a high enough role, or to anyone while reads are open.</summary>
internal sealed class ApiKeyRequirementHandler(IOptions<ServerOptions> options) : AuthorizationHandler<ApiKeyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyRequirement requirement)
    {
        var open = requirement.OnlyWhenReadsAreClosed && !options.Value.RequireKeyForReads;
        if (open || ApiKeyAuthenticationHandler.RoleOf(context.User) >= requirement.Role)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Answers a refused request with a problem document saying what to send: 401 without a key, 403 with too low a one.</summary>
internal sealed class ApiKeyProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "An API key is required",
                detail: "Send a valid key as 'Authorization: Bearer KEY'. An admin makes keys with POST /api/v1/keys.").ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ApiKeyRequirement>().Select(r => r.Role).DefaultIfEmpty().Max();
            var role = ApiKeyAuthenticationHandler.RoleOf(context.User);
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This key may not do that",
                detail: $"The key '{ApiKeyAuthenticationHandler.KeyIdOf(context.User)}' has role {role}; this operation needs {needed} or higher.").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}

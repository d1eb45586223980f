using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>Puts endpoints behind the API-key policies (<see cref="ApiKeyPolicies"/>).</summary>
internal static class RequireKeyExtensions
{
    /// <summary>The endpoints need an active key with at least <paramref name="role"/>.</summary>
    public static TBuilder RequireKey<TBuilder>(this TBuilder builder, ApiKeyRole role)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyPolicies.For(role))
            .WithMetadata(new RequiresApiKey(role))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>The endpoints serve open data: public unless <see cref="Hosting.ServerOptions.RequireKeyForReads"/> is set.</summary>
    public static TBuilder OpenRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyPolicies.Read);
}

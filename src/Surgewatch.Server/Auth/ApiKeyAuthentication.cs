using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>
/// The authentication scheme of the API: a request that presents an active key (see <see cref="ApiKeyAuthenticator"/>)
/// becomes a user whose claims are the key's id, name and role; any other request stays anonymous, and
/// authorization (<see cref="ApiKeyPolicies"/>) decides whether that is enough.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string RoleClaim = "surgewatch:role";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (await keys.AuthenticateAsync(Context) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ClaimTypes.Name, key.Name), new Claim(RoleClaim, ((int)key.Role).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The role of an authenticated user, or null for an anonymous one.</summary>
    public static ApiKeyRole? RoleOf(ClaimsPrincipal user) =>
        user.FindFirst(RoleClaim)?.Value is { } text && int.TryParse(text, out var role) ? (ApiKeyRole)role : null;

    /// <summary>The key id of an authenticated user, or null.</summary>
    public static string? KeyIdOf(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
}

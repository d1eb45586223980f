using Microsoft.Net.Http.Headers;
using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>Finds the key a request presents as <c>Authorization: Bearer KEY</c>.</summary>
internal sealed class ApiKeyAuthenticator(IApiKeyStore keys)
{
    private const string Scheme = "Bearer ";
    private static readonly object ItemKey = new();

    /// <summary>The key of a request, or null when it presents none or one that is not known.</summary>
    public async Task<ApiKey?> AuthenticateAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (ApiKey?)cached;
        }

        var key = await FindAsync(PresentedKey(context.Request), context.RequestAborted);
        context.Items[ItemKey] = key;
        return key;
    }

    /// <summary>The key text after <c>Bearer</c>, or null.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[Scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    private async Task<ApiKey?> FindAsync(string? presented, CancellationToken cancellationToken)
    {
        if (presented is null || presented.Length < ApiKeySecrets.MinLength)
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(presented);
        var stored = await keys.FindApiKeyAsync(ApiKeySecrets.IdOf(hash), cancellationToken);
        return stored is not null && ApiKeySecrets.Matches(hash, stored.SecretHash) ? stored : null;
    }
}

using System.Collections.Concurrent;
using Microsoft.Net.Http.Headers;
using Surgewatch.Core.Access;

namespace Surgewatch.Server.Auth;

/// <summary>
/// Finds the key a request presents as <c>Authorization: Bearer KEY</c> (or, on the live hub only, as the
/// <c>access_token</c> query parameter that SignalR clients send over WebSockets). Only active keys count; a revoked
/// or unknown key makes the request anonymous. The key's last use is recorded at most once a minute.
/// </summary>
internal sealed class ApiKeyAuthenticator(IApiKeyStore keys, TimeProvider clock, ILogger<ApiKeyAuthenticator> logger)
{
    /// <summary>The query parameter the SignalR clients put a bearer token in.</summary>
    public const string AccessTokenParameter = "access_token";

    private const string Scheme = "Bearer ";
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(1);
    private static readonly object ItemKey = new();

    // Bounded by the number of valid keys: an entry is made only for a key that was found and active.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _usedMarked = new(StringComparer.Ordinal);

    /// <summary>The active key of a request, or null when it presents none or one that is unknown or revoked.</summary>
    public async Task<ApiKey?> AuthenticateAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached))
        {
            return (ApiKey?)cached;
        }

        var key = await FindAsync(PresentedKey(context.Request), context.RequestAborted);
        context.Items[ItemKey] = key;
        if (key is not null)
        {
            await MarkUsedAsync(key);
        }

        return key;
    }

    /// <summary>The key text after <c>Bearer</c> (or in <c>access_token</c> on the live hub), or null.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            var key = header[Scheme.Length..].Trim();
            return key.Length == 0 ? null : key;
        }

        if (request.Path.StartsWithSegments(Live.LiveHub.Path) && request.Query[AccessTokenParameter].ToString() is { Length: > 0 } token)
        {
            return token;
        }

        return null;
    }

    /// <summary>Forgets when a key was last marked, so a revoked key that comes back is not remembered.</summary>
    public void Forget(string id) => _usedMarked.TryRemove(id, out _);

    private async Task<ApiKey?> FindAsync(string? presented, CancellationToken cancellationToken)
    {
        if (presented is null || presented.Length < ApiKeySecrets.MinLength)
        {
            return null;
        }

        var hash = ApiKeySecrets.Hash(presented);
        var stored = await keys.FindApiKeyAsync(ApiKeySecrets.IdOf(hash), cancellationToken);
        return stored is { IsActive: true } && ApiKeySecrets.Matches(hash, stored.SecretHash) ? stored : null;
    }

    private async Task MarkUsedAsync(ApiKey key)
    {
        var now = clock.GetUtcNow();
        if (_usedMarked.TryGetValue(key.Id, out var marked) && now - marked < UseResolution)
        {
            return;
        }

        _usedMarked[key.Id] = now;
        try
        {
            await keys.MarkApiKeyUsedAsync(key.Id, now, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The request itself is fine; only the bookkeeping failed, and it is retried at the next use.
            _usedMarked.TryRemove(key.Id, out _);
            logger.LogWarning(e, "Could not record the use of API key {KeyId}", key.Id);
        }
    }
}

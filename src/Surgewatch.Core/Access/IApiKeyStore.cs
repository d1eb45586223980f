namespace Surgewatch.Core.Access;

/// <summary>The port through which API keys are kept.</summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; its <see cref="ApiKey.Id"/> must be new.</summary>
    Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with public id <paramref name="id"/>, or null.</summary>
    Task<ApiKey?> FindApiKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The number of stored keys, revoked ones included (zero on a new store, which is when a first admin key is made).</summary>
    Task<long> CountApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Every stored key, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the active key <paramref name="id"/> at <paramref name="at"/>; false when no such key is active. An
    /// <see cref="ApiKeyRole.Admin"/> key is revoked only while another active admin key remains (otherwise
    /// <see cref="InvalidOperationException"/>), so that a store can never lock its operators out.
    /// </summary>
    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Records that the key <paramref name="id"/> was used at <paramref name="at"/> (callers throttle this).</summary>
    Task MarkApiKeyUsedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}

namespace Surgewatch.Core.Access;

/// <summary>The port through which API keys are kept.</summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; its <see cref="ApiKey.Id"/> must be new.</summary>
    Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with public id <paramref name="id"/>, or null.</summary>
    Task<ApiKey?> FindApiKeyAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The number of stored keys (zero on a new store, which is when a first admin key is made).</summary>
    Task<long> CountApiKeysAsync(CancellationToken cancellationToken = default);
}

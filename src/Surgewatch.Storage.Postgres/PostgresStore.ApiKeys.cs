using Surgewatch.Core.Access;
using Surgewatch.Storage.Postgres.ApiKeys;
using Surgewatch.Storage.Postgres.Connections;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IApiKeyStore
{
    /// <inheritdoc />
    public Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default) =>
        UseAsync(
            async connection =>
            {
                await ApiKeyTable.AddAsync(connection, key, cancellationToken);
                return 0;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task<ApiKey?> FindApiKeyAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return UseAsync(connection => ApiKeyTable.FindAsync(connection, null, id, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => ApiKeyTable.ListAsync(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return InTransactionAsync((connection, transaction) => ApiKeyTable.RevokeAsync(connection, transaction, id, at, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task MarkApiKeyUsedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return UseAsync(
            async connection =>
            {
                await ApiKeyTable.MarkUsedAsync(connection, id, at, cancellationToken);
                return 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> CountApiKeysAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => Sql.ScalarInt64Async(connection, null, "SELECT count(*) FROM api_keys", cancellationToken), cancellationToken);
}

using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Storage.Sqlite.Models;

namespace Surgewatch.Storage.Sqlite;

public sealed partial class SqliteStore : IModelStore
{
    /// <inheritdoc />
    public Task<long> SaveModelAsync(SavedModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return WriteAsync(connection => ModelTable.Add(connection, model), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SavedModel?> GetModelAsync(long id, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ModelTable.Get(connection, id), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SavedModel>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(ModelTable.List, cancellationToken);

    /// <inheritdoc />
    public Task<SavedModel?> LatestModelAsync(string? name = null, ModelSubjects? subjects = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ModelTable.Latest(connection, name, subjects), cancellationToken);
}

using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Storage.Postgres.Models;

namespace Surgewatch.Storage.Postgres;

public sealed partial class PostgresStore : IModelStore
{
    /// <inheritdoc />
    public Task<long> SaveModelAsync(SavedModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return UseAsync(connection => ModelTable.AddAsync(connection, model, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<SavedModel?> GetModelAsync(long id, CancellationToken cancellationToken = default) =>
        UseAsync(connection => ModelTable.GetAsync(connection, id, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<SavedModel>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        UseAsync(connection => ModelTable.ListAsync(connection, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<SavedModel?> LatestModelAsync(string? name = null, ModelSubjects? subjects = null, CancellationToken cancellationToken = default) =>
        UseAsync(connection => ModelTable.LatestAsync(connection, name, subjects, cancellationToken), cancellationToken);
}

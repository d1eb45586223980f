namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>The port through which fitted models are kept and read back.</summary>
public interface IModelStore
{
    /// <summary>Saves <paramref name="model"/> (its <see cref="SavedModel.Id"/> is ignored) and returns its new id.</summary>
    Task<long> SaveModelAsync(SavedModel model, CancellationToken cancellationToken = default);

    /// <summary>The model with id <paramref name="id"/>, or null.</summary>
    Task<SavedModel?> GetModelAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every saved model, newest first, without its state (<see cref="SavedModel.State"/> and <see cref="SavedModel.Rule"/> are empty).</summary>
    Task<IReadOnlyList<SavedModel>> ListModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The most recently saved model, of name <paramref name="name"/> and for <paramref name="subjects"/> when given,
    /// or null when there is none.
    /// </summary>
    Task<SavedModel?> LatestModelAsync(string? name = null, ModelSubjects? subjects = null, CancellationToken cancellationToken = default);
}

using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>Turns a fitted forecaster into a <see cref="SavedModel"/> and a saved model back into a forecaster for fresh data.</summary>
public static class ModelSnapshot
{
    /// <summary>
    /// The saved form of <paramref name="forecaster"/>, which <paramref name="model"/> fitted on the slots of
    /// <paramref name="panel"/> before <paramref name="trainEnd"/>; <paramref name="features"/> describes its features as JSON.
    /// </summary>
    public static SavedModel Save(IPersistentForecastModel model, IForecaster forecaster, SeriesPanel panel, int trainEnd, string features, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(features);
        return new SavedModel(
            0, model.Name, model.Version, created, features, panel.Start, panel.LabelAt(trainEnd), panel.Step, [.. panel.Sensors], model.SaveState(forecaster));
    }

    /// <summary>
    /// A forecaster for <paramref name="panel"/> from <paramref name="saved"/>, read by <paramref name="model"/>, without fitting.
    /// Throws <see cref="ModelStateException"/> when the saved model is of another name, version or step.
    /// </summary>
    public static IForecaster Load(IPersistentForecastModel model, SavedModel saved, SeriesPanel panel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(panel);
        if (!string.Equals(saved.Name, model.Name, StringComparison.OrdinalIgnoreCase) || saved.Version != model.Version)
        {
            throw new ModelStateException($"Saved model {saved.Id} is {saved.Name} ({saved.Version}); this build reads {model.Name} ({model.Version}). Train it again.");
        }

        if (saved.Step != panel.Step)
        {
            throw new ModelStateException($"Saved model {saved.Id} was fitted on a {saved.Step} grid, but the data has a {panel.Step} grid.");
        }

        return model.Load(saved.State, panel);
    }
}

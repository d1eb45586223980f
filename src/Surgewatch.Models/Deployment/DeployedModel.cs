using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Catalog;

namespace Surgewatch.Models.Deployment;

/// <summary>A saved model loaded onto a panel of fresh readings, without fitting, with its warning rule.</summary>
/// <param name="Saved">The saved model.</param>
/// <param name="Forecaster">The forecaster, bound to the panel it was loaded onto.</param>
/// <param name="Rule">The counters' surge rule saved with it, or null (none, or a roads model).</param>
public sealed record DeployedModel(SavedModel Saved, IForecaster Forecaster, SurgeRule? Rule)
{
    /// <summary>The roads' congestion rule saved with it, or null (none, or a counters model).</summary>
    public CongestionRule? Congestion { get; init; }

    /// <summary>Loads <paramref name="saved"/> onto <paramref name="panel"/>, with the features it was trained with.</summary>
    /// <exception cref="ModelSetupException">The model cannot be rebuilt (an unknown model, region or events).</exception>
    /// <exception cref="ModelStateException">The saved state is of another version or step, or damaged.</exception>
    public static DeployedModel Load(SavedModel saved, SeriesPanel panel, IReadOnlyList<SensorEdge>? edges)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(panel);
        var features = ModelFeatures.FromJson(saved.Features);
        IForecastModel model;
        try
        {
            model = ModelCatalogs.Create(ModelCatalogs.Features(features.Holidays, features.Events, edges)).Get(saved.Name);
        }
        catch (UnknownForecastModelException e)
        {
            throw new ModelSetupException(e.Message, e);
        }

        var persistent = model as IPersistentForecastModel ?? throw new ModelSetupException($"Model '{saved.Name}' cannot be loaded.");
        var roads = saved.Subjects == ModelSubjects.Roads;
        var surge = saved.Rule is { } bytes && !roads ? SurgeRule.FromBytes(bytes) : null;
        var congestion = saved.Rule is { } road && roads ? CongestionRule.FromBytes(road) : null;
        return new DeployedModel(saved, ModelSnapshot.Load(persistent, saved, panel), surge) { Congestion = congestion };
    }
}

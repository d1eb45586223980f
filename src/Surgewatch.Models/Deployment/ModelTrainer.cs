using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Series;
using Surgewatch.Models.Catalog;

namespace Surgewatch.Models.Deployment;

/// <summary>What to train.</summary>
/// <param name="Model">The model's name (see <see cref="ModelCatalogs.Names"/>).</param>
/// <param name="Holidays">A holiday region for gbm, or null.</param>
/// <param name="Events">An events CSV or shipped name for gbm, or null.</param>
/// <param name="Rule">The surge rule's settings (the defaults chosen on validation data when null).</param>
public sealed record TrainingRequest(string Model, string? Holidays = null, string? Events = null, WarningEvaluationOptions? Rule = null);

/// <summary>
/// Trains a model the way a deployment uses it: fitted on every reading (with its 80 % / 95 % interval calibration),
/// and with the counters' surge rule calibrated on out-of-sample forecasts of the weeks before the end of the data
/// (<see cref="SurgeRule"/>; the model without intervals is fitted before those weeks and forecasts them as the live
/// rule would, exactly as <c>evaluate-warnings</c> does before its test period). <c>train</c>, <c>train --every</c>,
/// <c>serve --retrain</c> and the server's first training all call this.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Trains <paramref name="request"/> on all of <paramref name="panel"/>.</summary>
    /// <exception cref="ModelSetupException">The model cannot be saved, or a feature source cannot be loaded.</exception>
    public static TrainedModel Train(
        SeriesPanel panel, IReadOnlyList<SensorEdge>? edges, TrainingRequest request, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var features = ModelCatalogs.Features(request.Holidays, request.Events, edges);
        var model = Get(ModelCatalogs.Create(features), request.Model) as IPersistentForecastModel
            ?? throw new ModelSetupException($"Model '{request.Model}' cannot be saved.");
        var started = time.GetTimestamp();
        var forecaster = model.Fit(panel, panel.Length, cancellationToken);
        var (rule, validation) = Calibrate(panel, Get(ModelCatalogs.Create(features, intervals: false), request.Model), request.Rule ?? new WarningEvaluationOptions(), cancellationToken);
        var fitTime = time.GetElapsedTime(started);
        var description = ModelFeatures.For(request.Model, request.Holidays, request.Events, edges is not null).ToJson();
        var saved = ModelSnapshot.Save(model, forecaster, panel, panel.Length, description, time.GetUtcNow())
            with { SurgeRule = rule?.ToBytes(), Validation = validation?.ToJson() };
        return new TrainedModel(saved, forecaster, rule, validation, fitTime);
    }

    /// <summary>
    /// The surge rule and the held-out figures, or nulls when the data hold fewer than the calibration weeks (a rule
    /// whose counters all have too little history has no threshold: it is kept, and warns about none of them).
    /// </summary>
    private static (SurgeRule? Rule, ValidationFigures? Validation) Calibrate(SeriesPanel panel, IForecastModel bare, WarningEvaluationOptions options, CancellationToken cancellationToken)
    {
        options = options.Validated();
        var calibrationStart = WarningEvaluator.CalibrationStart(panel, panel.Length, options);
        if (calibrationStart <= 0)
        {
            return (null, null);
        }

        var early = bare.Fit(panel, calibrationStart, cancellationToken);
        var table = ForecastTable.Sweep(early, panel, calibrationStart, panel.Length, options, null, cancellationToken);
        var rule = SurgeRule.FromCalibration(panel, table, options);
        return (rule, ValidationFigures.Of(panel, table, rule));
    }

    private static IForecastModel Get(ForecastModelCatalog catalog, string name)
    {
        try
        {
            return catalog.Get(name);
        }
        catch (UnknownForecastModelException e)
        {
            throw new ModelSetupException(e.Message, e);
        }
    }
}

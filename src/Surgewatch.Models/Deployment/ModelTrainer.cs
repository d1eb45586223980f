using Surgewatch.Core.Evaluation.Warnings;
using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Features;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Roads;
using Surgewatch.Core.Series;
using Surgewatch.Models.Catalog;

namespace Surgewatch.Models.Deployment;

/// <summary>What to train.</summary>
/// <param name="Model">The model's name (see <see cref="ModelCatalogs.Names"/>).</param>
/// <param name="Holidays">A holiday region for gbm, or null.</param>
/// <param name="Events">An events CSV or shipped name for gbm, or null.</param>
/// <param name="Rule">The warning rule's settings (the defaults chosen on validation data when null: the surge rule's for counters, <see cref="WarningEvaluationOptions.ForRoads"/> for roads).</param>
/// <param name="Subjects">What the panel holds: counters (calibrates the surge rule) or road speeds (the congestion rule).</param>
public sealed record TrainingRequest(string Model, string? Holidays = null, string? Events = null, WarningEvaluationOptions? Rule = null, ModelSubjects Subjects = ModelSubjects.Counters);

/// <summary>
/// Trains a model the way a deployment uses it: fitted on every reading (with its 80 % / 95 % interval calibration),
/// and with its warning rule calibrated on out-of-sample forecasts of the time before the end of the data (the model
/// without intervals is fitted before that time and forecasts it as the live rule would, exactly as
/// <c>evaluate-warnings</c> does before its test period): for counters the surge rule (<see cref="SurgeRule"/>) on the
/// last weeks, for roads the congestion rule (<see cref="CongestionRule"/>) on the last day. <c>train</c>,
/// <c>train --every</c>, <c>serve --retrain</c> and the server's own training all call this.
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
        var bare = Get(ModelCatalogs.Create(features, intervals: false), request.Model);
        var roads = request.Subjects == ModelSubjects.Roads;
        var options = request.Rule ?? (roads ? WarningEvaluationOptions.ForRoads(panel.Step) : new WarningEvaluationOptions());
        var table = CalibrationForecasts(panel, bare, options, cancellationToken);
        var surge = table is null || roads ? null : SurgeRule.FromCalibration(panel, table, options);
        var congestion = table is null || !roads ? null : CongestionRule.FromCalibration(panel, table, options);
        var warned = surge?.WarnedCounters ?? congestion?.Thresholds.Count(t => !double.IsNaN(t)) ?? 0;
        var validation = table is null ? null : ValidationFigures.Of(panel, table, warned);
        var fitTime = time.GetElapsedTime(started);
        var description = ModelFeatures.For(request.Model, request.Holidays, request.Events, edges is not null).ToJson();
        var saved = ModelSnapshot.Save(model, forecaster, panel, panel.Length, description, time.GetUtcNow())
            with { Rule = surge?.ToBytes() ?? congestion?.ToBytes(), Validation = validation?.ToJson(), Subjects = request.Subjects };
        return new TrainedModel(saved, forecaster, surge, validation, fitTime) { Congestion = congestion };
    }

    /// <summary>
    /// The out-of-sample forecasts of the calibration window before the end of the data, or null when the data hold
    /// no more than the window (a rule whose subjects all have too little history warns about none of them).
    /// </summary>
    private static ForecastTable? CalibrationForecasts(SeriesPanel panel, IForecastModel bare, WarningEvaluationOptions options, CancellationToken cancellationToken)
    {
        options = options.Validated();
        var calibrationStart = WarningEvaluator.CalibrationStart(panel, panel.Length, options);
        if (calibrationStart <= 0)
        {
            return null;
        }

        var early = bare.Fit(panel, calibrationStart, cancellationToken);
        return ForecastTable.Sweep(early, panel, calibrationStart, panel.Length, options, null, cancellationToken);
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

using Surgewatch.Core.Forecasting;
using Surgewatch.Core.Forecasting.Persistence;
using Surgewatch.Core.Live;
using Surgewatch.Core.Roads;

namespace Surgewatch.Models.Deployment;

/// <summary>What <see cref="ModelTrainer.Train"/> made.</summary>
/// <param name="Saved">The model as it is saved (state, surge rule, validation figures).</param>
/// <param name="Forecaster">The fitted forecaster.</param>
/// <param name="Rule">The counters' surge rule, or null for roads or when the data are too short to calibrate it.</param>
/// <param name="Validation">The held-out figures, or null without a rule.</param>
/// <param name="FitTime">Time spent fitting (the deployed fit and the calibration fit).</param>
public sealed record TrainedModel(SavedModel Saved, IForecaster Forecaster, SurgeRule? Rule, ValidationFigures? Validation, TimeSpan FitTime)
{
    /// <summary>The roads' congestion rule, or null for counters or when the data are too short to calibrate it.</summary>
    public CongestionRule? Congestion { get; init; }
}

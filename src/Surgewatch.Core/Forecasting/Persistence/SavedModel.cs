using Surgewatch.Core.Calendar;
using Surgewatch.Core.Series;

namespace Surgewatch.Core.Forecasting.Persistence;

/// <summary>A fitted model as kept in a store, ready to forecast fresh data without fitting again.</summary>
/// <param name="Id">The store's id (0 before it is saved).</param>
/// <param name="Name">The model's name, e.g. <c>gbm</c>.</param>
/// <param name="Version">The model's format and learner version, e.g. <c>gbm/1 xgboost 1.7.4</c>.</param>
/// <param name="Created">When it was fitted (UTC).</param>
/// <param name="Features">A JSON description of its features: the columns and their sources (holidays, events, graph).</param>
/// <param name="TrainFrom">The first label of the training window.</param>
/// <param name="TrainTo">The label one past the training window.</param>
/// <param name="Step">The grid step it was fitted on.</param>
/// <param name="Sensors">The sensors it was fitted on.</param>
/// <param name="State">The fitted state (booster bytes, interval calibration), as written by <see cref="ModelSnapshot.Save"/>.</param>
/// <param name="Rule">
/// The warning rule calibrated with it, or null when the data were too short: for counters the surge rule
/// (<see cref="Live.SurgeRule.ToBytes"/>), for roads the congestion rule (<see cref="Roads.CongestionRule.ToBytes"/>).
/// </param>
/// <param name="Validation">Its figures on the weeks held out to calibrate the rule, as JSON (<c>{from, to, wapeNextStep, wapeDayAhead, …}</c>), or null.</param>
/// <param name="Subjects">What it forecasts and warns about: counters or roads (each deployed by its own monitor).</param>
public sealed record SavedModel(
    long Id,
    string Name,
    string Version,
    DateTimeOffset Created,
    string Features,
    TimeLabel TrainFrom,
    TimeLabel TrainTo,
    TimeSpan Step,
    IReadOnlyList<SensorId> Sensors,
    byte[] State,
    byte[]? Rule = null,
    string? Validation = null,
    ModelSubjects Subjects = ModelSubjects.Counters);
